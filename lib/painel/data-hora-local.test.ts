import { describe, expect, it } from "vitest";
import { parseDataHoraLocal } from "./data-hora-local";

describe("parseDataHoraLocal", () => {
  it("reads the typed time on the agency's clock", () => {
    expect(parseDataHoraLocal("2026-12-06T10:00", "America/Sao_Paulo")?.toISOString()).toBe("2026-12-06T13:00:00.000Z");
  });

  it("refuses what is not a real date and time", () => {
    expect(parseDataHoraLocal("2026-02-31T10:00", "America/Sao_Paulo")).toBeNull();
    expect(parseDataHoraLocal("amanhã", "America/Sao_Paulo")).toBeNull();
    expect(parseDataHoraLocal("", "America/Sao_Paulo")).toBeNull();
  });
});
