import { describe, expect, it } from "vitest";
import { maskPhone, maskPii, maskPiiDeep } from "./mask";

// The subscriber digits of the test phones; none of their 4-digit runs may survive masking.
const SECRET_RUNS = ["9876", "8765", "7654", "6543", "5432", "4321", "3456", "4567", "5678", "6789", "7890"];

function expectNoPhoneDigits(text: string) {
  for (const run of SECRET_RUNS) expect(text, `"${run}" leaked in ${text}`).not.toContain(run);
}

describe("maskPii: phone formats", () => {
  const cases: [string, string][] = [
    ["+55 11 98765-4321", "+55 11 *****-**21"],
    ["(11) 98765-4321", "(11) *****-**21"],
    ["11987654321", "11*******21"],
    ["+5511987654321", "+5511*******21"],
    ["whatsapp:+5511987654321", "whatsapp:+5511*******21"],
    ["5511987654321", "5511*******21"],
    ["987654321", "*******21"],
    ["98765-4321", "*****-**21"],
    ["(11) 3456-7890", "(11) ****-**90"],
    ["3456-7890", "****-**90"],
    ["11 3456 7890", "11 **** **90"],
    ["+55 (11) 9 8765-4321", "+55 (11) * ****-**21"],
    ["011 98765-4321", "*** *****-**21"],
    ["+1 (415) 555-2671", "+* (***) ***-**71"],
    ["+447946098765", "+**********65"],
  ];
  it.each(cases)("%s → %s", (input, expected) => {
    expect(maskPii(input)).toBe(expected);
  });

  it("masks phones inside sentences and keeps the rest", () => {
    const out = maskPii("Lead Maria (tel. (11) 98765-4321, whats 5511987654321) pediu visita às 14h.");
    expect(out).toBe("Lead Maria (tel. (11) *****-**21, whats 5511*******21) pediu visita às 14h.");
  });

  it("masks a phone at the end of a sentence and next to separators", () => {
    expect(maskPii("ligar para 11987654321.")).toBe("ligar para 11*******21.");
    expect(maskPii("rate:11987654321")).toBe("rate:11*******21");
    expect(maskPii("phone_5511987654321")).toBe("phone_5511*******21");
    expect(maskPii('{"from":"whatsapp:+5511987654321"}')).toBe('{"from":"whatsapp:+5511*******21"}');
  });

  it("masks URL-encoded phones in raw webhook bodies", () => {
    const body = "From=whatsapp%3A%2B5511987654321&To=whatsapp%3A%2B5511999990000&Body=oi";
    const out = maskPii(body);
    expectNoPhoneDigits(out);
    expect(out).not.toContain("99990000");
    expect(out).toContain("Body=oi");
  });

  it("is idempotent", () => {
    const once = maskPii("+55 11 98765-4321 / m@x.com / 987654321");
    expect(maskPii(once)).toBe(once);
  });
});

describe("maskPii: things that are not phones stay intact", () => {
  const untouched = [
    "2026-11-20T13:42:07.118Z",
    "2026-11-20T13:42:07-03:00",
    "2026-11-20",
    "lead_01JD8X4Y7Z5511987654321ABC",
    "550e8400-e29b-41d4-a716-446655440000",
    "12345678-1234-5678-9123-123456789012",
    "score 82, status 404, levou 1234 ms, porta 5432, 3 leads",
    "preço 1250000",
    "R$ 1.250.000,00",
    "valor em centavos 45000000",
    "temporada 2024-2025",
    "127.0.0.1:6379",
    "CEP 01310-100",
    "epoch ms 1732492800000",
    "0.987654321",
    "SM1234567890abcdef1234567890abcdef",
    "at handler (/work/main/lib/x.ts:123:45)",
    "next@16.4.6",
  ];
  it.each(untouched)("%s", (text) => {
    expect(maskPii(text)).toBe(text);
  });

  it("documents the accepted false positive: 10 digits starting with a DDD", () => {
    // An epoch in seconds cannot be told from a landline with area code; masking wins.
    expect(maskPii("1732492800")).toBe("17******00");
  });
});

describe("maskPii: e-mails", () => {
  it("keeps the first letter and the domain", () => {
    expect(maskPii("contato: maria.silva@example.com.br!")).toBe("contato: m***@example.com.br!");
    expect(maskPii("joao+lead@imobiliaria.com")).toBe("j***@imobiliaria.com");
  });
  it("masks the phone-like local part of an e-mail as part of the e-mail", () => {
    expect(maskPii("11987654321@c.us")).toBe("1***@c.us");
  });
  it("masks URL-encoded e-mails", () => {
    expect(maskPii("?email=maria%40example.com&x=1")).toBe("?email=m***@example.com&x=1");
  });
});

describe("maskPiiDeep", () => {
  it("masks nested objects and arrays whatever the key name", () => {
    const input = {
      leadId: "lead_01JD8X4Y7Z",
      score: 82,
      createdAt: "2026-11-20T13:42:07.118Z",
      payload: { contato: { x: "+55 11 98765-4321", list: ["maria@example.com", { deep: "98765-4321" }] } },
    };
    const out = maskPiiDeep(input);
    expect(out).toEqual({
      leadId: "lead_01JD8X4Y7Z",
      score: 82,
      createdAt: "2026-11-20T13:42:07.118Z",
      payload: { contato: { x: "+55 11 *****-**21", list: ["m***@example.com", { deep: "*****-**21" }] } },
    });
    expect(input.payload.contato.x).toBe("+55 11 98765-4321"); // the input is not mutated
  });

  it("masks phone-shaped numbers but not ordinary ones", () => {
    expect(
      maskPiiDeep({ tel: 5511987654321, big: 5511987654321n, score: 82, price: 1250000, ms: 1732492800000 }),
    ).toEqual({
      tel: "5511*******21",
      big: "5511*******21",
      score: 82,
      price: 1250000,
      ms: 1732492800000,
    });
  });

  it("masks keys, Maps, Sets and Dates", () => {
    const out = maskPiiDeep({
      "5511987654321": 1,
      m: new Map([["maria@example.com", "11987654321"]]),
      s: new Set(["987654321"]),
      d: new Date("2026-11-20T13:42:07.118Z"),
    });
    expect(out).toEqual({
      "5511*******21": 1,
      m: { "m***@example.com": "11*******21" },
      s: ["*******21"],
      d: new Date("2026-11-20T13:42:07.118Z"),
    });
  });

  it("turns an Error into a masked plain object, with its stack, props and cause", () => {
    const cause = new Error("Twilio recusou whatsapp:+5511987654321");
    const err = Object.assign(new TypeError("falha ao notificar maria@example.com", { cause }), {
      code: "E_SEND",
      details: { to: "(11) 98765-4321" },
    });
    const out = maskPiiDeep(err) as Record<string, unknown>;
    expect(out.type).toBe("TypeError");
    expect(out.message).toBe("falha ao notificar m***@example.com");
    expect(out.stack).toMatch(/^TypeError: falha ao notificar m\*\*\*@example\.com\n\s+at /);
    expect(out.code).toBe("E_SEND");
    expect(out.details).toEqual({ to: "(11) *****-**21" });
    expect((out.cause as Record<string, unknown>).message).toBe("Twilio recusou whatsapp:+5511*******21");
    const text = JSON.stringify(out);
    expectNoPhoneDigits(text);
    expect(text).not.toContain("maria@");
  });

  it("survives cycles", () => {
    const a: Record<string, unknown> = { tel: "987654321" };
    a.self = a;
    expect(maskPiiDeep(a)).toEqual({ tel: "*******21", self: "[Circular]" });
  });

  it("replaces binary buffers, which may hold raw text, by their size", () => {
    expect(maskPiiDeep({ body: Buffer.from("11987654321") })).toEqual({ body: "[binário: 11 bytes]" });
  });
});

describe("maskPii: hostile input", () => {
  // A raw webhook body is attacker-controlled and gets logged; quadratic backtracking here
  // would turn one request into seconds of CPU.
  it.each([
    ["a long digit run", "1".repeat(100_000)],
    ["a long local part without a domain", `${"a".repeat(50_000)}@`],
    ["many dotted labels", `x@${"a.".repeat(20_000)}@b`],
    ["repeated separators", "9-".repeat(50_000)],
  ])("stays linear on %s", (_name, text) => {
    const started = performance.now();
    maskPii(text);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe("maskPhone for display", () => {
  it("formats Brazilian mobiles and landlines keeping the last 4 digits", () => {
    expect(maskPhone("+5511987654321")).toBe("+55 11 *****-4321");
    expect(maskPhone("whatsapp:+5511987654321")).toBe("+55 11 *****-4321");
    expect(maskPhone("+551134567890")).toBe("+55 11 ****-7890");
  });
  it("masks other countries and garbage safely", () => {
    expect(maskPhone("+14155552671")).toBe("+*******2671");
    expect(maskPhone("12")).toBe("***");
  });
});
