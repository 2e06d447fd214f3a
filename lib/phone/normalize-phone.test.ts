import { describe, expect, it } from "vitest";
import { normalizePhoneBR, waIdToE164Candidates } from "./normalize-phone";

describe("normalizePhoneBR", () => {
  it.each([
    ["(31) 99123-4567", "+5531991234567"],
    ["+55 21 98877-6655", "+5521988776655"],
    ["11987654321", "+5511987654321"],
    ["5511987654321", "+5511987654321"],
    ["+5511987654321", "+5511987654321"],
    ["whatsapp:+5511987654321", "+5511987654321"],
    ["WhatsApp:+5511987654321", "+5511987654321"],
    ["  11 98765 4321  ", "+5511987654321"],
    ["011987654321", "+5511987654321"],
    ["55 (11) 98765-4321", "+5511987654321"],
    ["55991234567", "+5555991234567"], // DDD 55 (Santa Maria) without country code
  ])("reads the mobile %s as %s", (input, e164) => {
    expect(normalizePhoneBR(input)).toEqual({ e164, valid: true, mobile: true, raw: input });
  });

  it("keeps the raw input exactly as given", () => {
    expect(normalizePhoneBR(" (31) 99123-4567 ").raw).toBe(" (31) 99123-4567 ");
  });

  describe("old 8-digit mobiles get the ninth digit", () => {
    it.each([
      ["1187654321", "+5511987654321"],
      ["(11) 8765-4321", "+5511987654321"],
      ["+55 21 7766-5544", "+5521977665544"],
      ["551196543210", "+5511996543210"],
      ["whatsapp:+551187654321", "+5511987654321"],
    ])("%s → %s", (input, e164) => {
      expect(normalizePhoneBR(input)).toMatchObject({ e164, valid: true, mobile: true });
    });
  });

  describe("landlines stay landlines", () => {
    it.each([
      ["(11) 3265-4321", "+551132654321"],
      ["1132654321", "+551132654321"],
      ["+55 31 2345-6789", "+553123456789"],
      ["553123456789", "+553123456789"],
    ])("%s → %s, not mobile", (input, e164) => {
      expect(normalizePhoneBR(input)).toEqual({ e164, valid: true, mobile: false, raw: input });
    });
  });

  describe("ddd and phone given apart", () => {
    it("joins them", () => {
      expect(normalizePhoneBR({ ddd: "11", phone: "987654321" })).toMatchObject({
        e164: "+5511987654321",
        valid: true,
        mobile: true,
        raw: "11 987654321",
      });
    });

    it("does not repeat a DDD already inside the phone", () => {
      expect(normalizePhoneBR({ ddd: "11", phone: "11987654321" }).e164).toBe("+5511987654321");
    });

    it("accepts formatted parts and old 8-digit mobiles", () => {
      expect(normalizePhoneBR({ ddd: "(21)", phone: "8877-6655" }).e164).toBe("+5521988776655");
    });

    it("accepts a phone with its own country code", () => {
      expect(normalizePhoneBR({ ddd: "11", phone: "+55 21 98877-6655" }).e164).toBe("+5521988776655");
    });

    it("without the ddd a 9-digit phone is not enough", () => {
      expect(normalizePhoneBR({ phone: "987654321" })).toMatchObject({ valid: false, e164: null });
    });
  });

  it("accepts valid foreign numbers written with +", () => {
    expect(normalizePhoneBR("+351 912 345 678")).toMatchObject({ e164: "+351912345678", valid: true, mobile: true });
  });

  describe("foreign numbers sent without the +", () => {
    it.each([
      ["351912000222", "+351912000222", true],
      ["351 912 000 222", "+351912000222", true],
      ["4915112345678", "+4915112345678", true],
      ["12125551234", "+12125551234", true],
    ])("%s → %s", (input, e164, mobile) => {
      expect(normalizePhoneBR(input)).toEqual({ e164, valid: true, mobile, raw: input });
    });

    it("a Brazilian reading still wins when it is valid", () => {
      expect(normalizePhoneBR("11987654321").e164).toBe("+5511987654321");
      expect(normalizePhoneBR("5511987654321").e164).toBe("+5511987654321");
    });

    it("digits that are no valid number anywhere stay invalid", () => {
      expect(normalizePhoneBR("111234567899")).toMatchObject({ valid: false, e164: null });
      expect(normalizePhoneBR("35191200022")).toMatchObject({ valid: false, e164: null });
    });
  });

  describe("garbage", () => {
    it.each(["", "   ", "abc", "não tenho", "123", "(11) 1234", "+55 11 1234-5678901234", "whatsapp:", "00000000000"])(
      "%j is invalid with the raw kept",
      (input) => {
        expect(normalizePhoneBR(input)).toEqual({ e164: null, valid: false, mobile: false, raw: input });
      },
    );

    it("an impossible Brazilian number is invalid, not guessed", () => {
      // 10 digits starting with 1 after the DDD: neither a landline nor an old mobile.
      expect(normalizePhoneBR("1112345678")).toMatchObject({ valid: false, e164: null });
    });

    it("an empty ddd+phone object is invalid", () => {
      expect(normalizePhoneBR({})).toEqual({ e164: null, valid: false, mobile: false, raw: "" });
    });
  });
});

describe("waIdToE164Candidates", () => {
  it("adds the ninth digit to Twilio's legacy 12-digit WaId, modern form first", () => {
    expect(waIdToE164Candidates("551187654321")).toEqual(["+5511987654321", "+551187654321"]);
    // The shared Twilio fixture inbound-legacy-12-digit-waid.form: a 9 1xxx-xxxx mobile.
    expect(waIdToE164Candidates("551112345678")).toEqual(["+5511912345678", "+551112345678"]);
  });

  it("also offers the legacy form for a modern 13-digit WaId", () => {
    expect(waIdToE164Candidates("5511987654321")).toEqual(["+5511987654321", "+551187654321"]);
  });

  it("accepts the whatsapp: address and a leading +", () => {
    expect(waIdToE164Candidates("whatsapp:+551187654321")[0]).toBe("+5511987654321");
  });

  it("leaves Brazilian landlines and foreign numbers alone", () => {
    expect(waIdToE164Candidates("551132654321")).toEqual(["+551132654321"]);
    expect(waIdToE164Candidates("351912345678")).toEqual(["+351912345678"]);
  });

  it("returns nothing for garbage", () => {
    expect(waIdToE164Candidates("")).toEqual([]);
    expect(waIdToE164Candidates("abc")).toEqual([]);
    expect(waIdToE164Candidates("1234567890123456")).toEqual([]);
  });

  it("each candidate of a legacy WaId, once normalized, is the same person", () => {
    const [modern, legacy] = waIdToE164Candidates("552199887766");
    expect(normalizePhoneBR(modern!).e164).toBe(modern);
    expect(normalizePhoneBR(legacy!).e164).toBe(modern);
  });
});
