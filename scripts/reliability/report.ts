// The suite's table: one line per figure, what was expected and what was measured. Returns the exit code.
import type { ScenarioResult } from "./scenarios";

const pad = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));

export function printTable(results: ScenarioResult[]): number {
  const rows = results.flatMap((r) =>
    r.figures.map((f, i) => [i === 0 ? r.cenario : "", f.medida, f.esperado, f.obtido, f.ok ? "✔" : "✖"]),
  );
  const head = ["cenário", "medida", "esperado", "obtido", ""];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!)).join(" │ ");
  console.log(`\n${line(head)}\n${widths.map((w) => "─".repeat(w)).join("─┼─")}`);
  for (const r of rows) console.log(line(r));
  const misses = results.flatMap((r) => r.figures).filter((f) => !f.ok).length;
  console.log(
    misses === 0
      ? "\n✔ Confiabilidade: todas as medidas atingidas."
      : `\n✖ Confiabilidade: ${misses} medida(s) não atingida(s).`,
  );
  return misses === 0 ? 0 : 1;
}
