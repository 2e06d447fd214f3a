import { describe, expect, it } from "vitest";
import { lembreteVisitaEm, posVisitaEm } from "./visita-horarios";

const SP = "America/Sao_Paulo";
const local = (dia: string, hora: string) => new Date(`${dia}T${hora}:00-03:00`);

describe("when the visit messages go (São Paulo)", () => {
  it("two hours before a daytime visit", () => {
    expect(lembreteVisitaEm(local("2026-11-27", "15:00"), SP)).toEqual(local("2026-11-27", "13:00"));
    expect(lembreteVisitaEm(local("2026-11-27", "23:30"), SP)).toEqual(local("2026-11-27", "21:30"));
  });

  it("never in the night: 07:00 when the visit is at least half an hour later, else 21:00 the evening before", () => {
    expect(lembreteVisitaEm(local("2026-11-27", "08:00"), SP)).toEqual(local("2026-11-27", "07:00"));
    expect(lembreteVisitaEm(local("2026-11-27", "06:00"), SP)).toEqual(local("2026-11-26", "21:00"));
    expect(lembreteVisitaEm(local("2026-11-27", "07:15"), SP)).toEqual(local("2026-11-26", "21:00"));
    expect(lembreteVisitaEm(local("2026-11-28", "00:30"), SP)).toEqual(local("2026-11-27", "21:00"));
  });

  it("asks how it went an hour after the visit's time", () => {
    expect(posVisitaEm(local("2026-11-27", "15:00"))).toEqual(local("2026-11-27", "16:00"));
  });
});
