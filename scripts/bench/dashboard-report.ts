// The dashboard bench's figures: percentiles of each page × role and the table it prints.
import { percentileOf } from "./steady-load";

export type PageMeasure =
  | { kind: "timed"; page: string; role: string; targetMs: number; timesMs: number[]; bytes: number }
  /** The route answered 404 for this role: not merged yet (or not for this role). */
  | { kind: "missing"; page: string; role: string; targetMs: number }
  | { kind: "failed"; page: string; role: string; targetMs: number; reason: string };

export type PageFigures = { n: number; p50: number; p95: number; max: number; ok: boolean };

export function figuresOf(timesMs: number[], targetMs: number): PageFigures {
  const sorted = [...timesMs].sort((a, b) => a - b);
  const p95 = percentileOf(sorted, 95);
  return {
    n: sorted.length,
    p50: percentileOf(sorted, 50),
    p95,
    max: sorted[sorted.length - 1] ?? NaN,
    ok: p95 < targetMs,
  };
}

const ms = (v: number) => `${v.toFixed(1)} ms`;

/** One line per page × role, columns aligned: page, role, n, p50, p95, max, target, ok/ACIMA, HTML size. */
export function formatTable(rows: PageMeasure[]): string {
  const header = ["página", "papel", "n", "p50", "p95", "máx", "meta p95", "", "HTML"];
  const timed = rows.map((r): string[] | null => {
    if (r.kind !== "timed") return null;
    const f = figuresOf(r.timesMs, r.targetMs);
    const kb = `${Math.round(r.bytes / 1024)} KB`;
    return [
      r.page,
      r.role,
      String(f.n),
      ms(f.p50),
      ms(f.p95),
      ms(f.max),
      `< ${r.targetMs} ms`,
      f.ok ? "ok" : "ACIMA",
      kb,
    ];
  });
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((r, j) => (timed[j] ?? [r.page, r.role])[i]?.length ?? 0)),
  );
  const numeric = new Set([2, 3, 4, 5]);
  const render = (cells: string[]) =>
    cells
      .map((c, i) => (numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  const lines = rows.map((r, j) => {
    const cells = timed[j];
    if (cells) return render(cells);
    const note =
      r.kind === "missing" ? "(página ainda não existe)" : `(falhou: ${r.kind === "failed" ? r.reason : ""})`;
    return `${r.page.padEnd(widths[0]!)}  ${r.role.padEnd(widths[1]!)}  —  ${note}`;
  });
  return [render(header), render(widths.map((w) => "-".repeat(w))), ...lines].join("\n");
}
