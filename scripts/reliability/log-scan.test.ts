// The reliability suite's log check (scripts/reliability/log-scan.ts) must catch a phone, an e-mail or
// a name in any form a log line could hold, and pass a log that the logger masked.
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { maskPii } from "@/lib/privacy/mask";
import { phoneForms, scanLogs } from "./log-scan";

const person = { phone: "+5531912345678", email: "marina.s@exemplo.com.br", name: "Marina Sigilosinho" };

function logWith(...lines: string[]): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "log-scan-")), "app.log");
  writeFileSync(file, lines.join("\n"));
  return file;
}

describe("scanLogs", () => {
  it.each([
    ["E.164", `{"msg":"lead.created","telefone":"+5531912345678"}`, "telefone"],
    ["national digits", `enviando para 31912345678`, "telefone"],
    ["local with a hyphen", `ligue 912345678`.replace("912345678", "91234-5678"), "telefone"],
    ["an e-mail", `{"email":"Marina.S@exemplo.com.br"}`, "e-mail"],
    ["any e-mail-shaped text", `contato: outra.pessoa@empresa.io`, "e-mail"],
    ["the name", `lead Marina Sigilosinho chegou`, "nome"],
  ])("finds %s, saying only where and what kind", (_, line, kind) => {
    const file = logWith("primeira linha sem nada", line);
    expect(scanLogs([file], [person], ["Sigilosinho"])).toEqual([{ file, line: 2, kind }]);
  });

  it("passes a log the logger masked", () => {
    const line = maskPii(`lead de +5531912345678 (marina.s@exemplo.com.br) recebido`);
    expect(line).not.toContain("912345678");
    expect(scanLogs([logWith(line)], [{ phone: person.phone, email: person.email }], [])).toEqual([]);
  });

  it("refuses a phone it cannot spell out", () => {
    expect(() => phoneForms("31912345678")).toThrow(/E\.164/);
  });
});
