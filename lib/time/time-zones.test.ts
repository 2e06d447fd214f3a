import { describe, expect, it } from "vitest";
import { isTimeZone, listTimeZones } from "./time-zones";

describe("time zones", () => {
  it("knows IANA names and refuses others", () => {
    expect(isTimeZone("America/Manaus")).toBe(true);
    expect(isTimeZone("America/Nowhere")).toBe(false);
  });

  it("lists Brazil's first and always includes the stored one", () => {
    expect(listTimeZones()[0]).toMatch(/^America\//);
    expect(listTimeZones().indexOf("America/Sao_Paulo")).toBeLessThan(listTimeZones().indexOf("Europe/Lisbon"));
    expect(listTimeZones("Brazil/East")).toContain("Brazil/East");
  });
});
