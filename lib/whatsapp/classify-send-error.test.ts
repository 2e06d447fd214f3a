import { describe, expect, it } from "vitest";
import { classifySendError } from "./classify-send-error";
import { WhatsAppSendError } from "./types";

// Shapes as the twilio SDK throws them: RestException (status + numeric code) or an axios error
// (string code, no status).
const rest = (status: number, code?: number) => Object.assign(new Error("twilio"), { status, code });
const socket = (code: string) => Object.assign(new Error(code), { code });

describe("classifySendError", () => {
  it.each([
    ["connection refused", socket("ECONNREFUSED"), "retry_safe"],
    ["DNS failure", socket("ENOTFOUND"), "retry_safe"],
    ["429 too many requests", rest(429, 20429), "retry_safe"],
    ["503 service unavailable", rest(503), "retry_safe"],
    ["63018 channel rate limit", rest(400, 63018), "retry_safe"],
    ["500 internal error", rest(500, 20500), "ambiguous"],
    ["502 bad gateway", rest(502), "ambiguous"],
    ["axios timeout", socket("ECONNABORTED"), "ambiguous"],
    ["socket timeout", socket("ETIMEDOUT"), "ambiguous"],
    ["dropped response", socket("ECONNRESET"), "ambiguous"],
    ["an error with no code at all", new Error("boom"), "ambiguous"],
    ["a thrown string", "boom", "ambiguous"],
    ["63016 outside the window", rest(400, 63016), "needs_template"],
    ["21211 invalid number", rest(400, 21211), "permanent"],
    ["401 bad credentials", rest(401, 20003), "permanent"],
    ["404", rest(404, 20404), "permanent"],
  ] as const)("%s → %s", (_name, err, kind) => {
    expect(classifySendError(err).kind).toBe(kind);
  });

  it("keeps Twilio's code as a string and the HTTP status", () => {
    const e = classifySendError(rest(400, 21211));
    expect(e).toBeInstanceOf(WhatsAppSendError);
    expect(e.code).toBe("21211");
    expect(e.httpStatus).toBe(400);
    expect(classifySendError(socket("ECONNRESET"))).toMatchObject({ code: "ECONNRESET", httpStatus: undefined });
  });

  it("passes an already classified error through", () => {
    const e = new WhatsAppSendError("permanent", "x", { code: "1" });
    expect(classifySendError(e)).toBe(e);
  });
});
