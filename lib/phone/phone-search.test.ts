import { describe, expect, it } from "vitest";
import { phoneSearchCandidates } from "./phone-search";

const MOBILE = "+5511987654321";

describe("phoneSearchCandidates", () => {
  it.each([
    ["(11) 98765-4321"],
    ["11987654321"],
    ["11 98765 4321"],
    ["+55 11 98765-4321"],
    ["+5511987654321"],
    ["5511987654321"],
    ["011 98765-4321"],
  ])("reads %s as the E.164 mobile", (typed) => {
    expect(phoneSearchCandidates(typed)?.[0]).toBe(MOBILE);
  });

  it("adds the ninth digit to the old 8-digit mobile form, and keeps the typed form as a fallback", () => {
    expect(phoneSearchCandidates("(11) 8765-4321")).toEqual([MOBILE, "+551187654321"]);
    expect(phoneSearchCandidates("+55 11 8765-4321")?.[0]).toBe(MOBILE);
  });

  it("keeps a landline as it is (no ninth digit)", () => {
    expect(phoneSearchCandidates("(11) 3456-7890")).toEqual(["+551134567890"]);
  });

  it("also offers the legacy 12-digit form of a mobile, as WhatsApp sometimes reports it", () => {
    expect(phoneSearchCandidates("11987654321")).toContain("+551187654321");
  });

  it.each([["Maria"], ["maria@exemplo.com"], ["98765-4321"], ["123"], [""], ["Rua 11, 987"]])(
    "does not read %j as a phone",
    (typed) => {
      expect(phoneSearchCandidates(typed)).toBeNull();
    },
  );
});
