import { describe, expect, it } from "vitest";
import { formatPhone } from "./format-phone";

describe("formatPhone", () => {
  it("shows a Brazilian number in the national form", () => {
    expect(formatPhone("+5511987654321")).toBe("(11) 98765-4321");
    expect(formatPhone("+551134567890")).toBe("(11) 3456-7890");
  });
  it("shows a foreign number with its country code", () => {
    expect(formatPhone("+351912000222")).toBe("+351 912 000 222");
  });
  it("shows what was stored when it is not a valid number, and a dash when empty", () => {
    expect(formatPhone("1234")).toBe("1234");
    expect(formatPhone(null)).toBe("—");
  });
});
