// After the suite: the app's log files must hold no phone number, e-mail or lead name (LGPD; the
// logger masks them, lib/log.ts). Looks for every phone, e-mail and name the suite used, in each
// form a log line could carry them, and for anything shaped like an e-mail. Reports where, never what.
import { readFileSync } from "node:fs";

export type Person = { phone: string; email?: string; name?: string };
export type Finding = { file: string; line: number; kind: "telefone" | "e-mail" | "nome" };

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;

/** The forms a Brazilian E.164 number takes in text: +5531…, 5531…, 31…, and the local 9xxxx-xxxx. */
export function phoneForms(e164: string): string[] {
  if (!/^\+55\d{10,11}$/.test(e164)) throw new Error("telefone fora do E.164 brasileiro");
  const national = e164.slice(3);
  const local = national.slice(2);
  return [e164, national, `${local.slice(0, -4)}-${local.slice(-4)}`];
}

export function scanLogs(files: string[], people: Person[], surnames: string[]): Finding[] {
  const phones = new Set(people.flatMap((p) => phoneForms(p.phone)));
  const emails = new Set(people.map((p) => p.email?.toLowerCase()).filter((e): e is string => !!e));
  const names = new Set([...people.map((p) => p.name).filter((n): n is string => !!n), ...surnames]);
  const findings: Finding[] = [];
  for (const file of files) {
    const lines = readFileSync(file, "utf8").split("\n");
    lines.forEach((text, i) => {
      const at = { file, line: i + 1 };
      if ([...phones].some((p) => text.includes(p))) findings.push({ ...at, kind: "telefone" });
      const lower = text.toLowerCase();
      if (EMAIL.test(text) || [...emails].some((e) => lower.includes(e))) findings.push({ ...at, kind: "e-mail" });
      if ([...names].some((n) => text.includes(n))) findings.push({ ...at, kind: "nome" });
    });
  }
  return findings;
}
