// A lead's score with its temperature. Hot is a filled orange, unlike any status badge (a lost lead
// is a light red one), so the two never read alike; the word is there for those who do not see colour.
export type Limiares = { quente: number; morno: number };
type ScoreBadgeProps = {
  score: number;
  limiares: Limiares;
  testId?: string;
  /** `sm` in lists and tables, `md` (default) where the score is the subject, as on the lead page. */
  size?: "sm" | "md";
};

export function temperatura(score: number, limiares: Limiares) {
  if (score >= limiares.quente) return "quente" as const;
  if (score >= limiares.morno) return "morno" as const;
  return "frio" as const;
}

const TONS = {
  quente: "bg-orange-700 text-white ring-orange-800",
  morno: "bg-amber-50 text-amber-900 ring-amber-300",
  frio: "bg-slate-100 text-slate-700 ring-slate-200",
} as const;

const TAMANHOS = { sm: "px-2 text-xs", md: "px-2.5 text-sm" } as const;

export function ScoreBadge({ score, limiares, testId, size = "md" }: ScoreBadgeProps) {
  const t = temperatura(score, limiares);
  return (
    <span
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full py-0.5 font-semibold tabular-nums ring-1 ring-inset ${TAMANHOS[size]} ${TONS[t]}`}
      data-testid={testId}
      data-temperatura={t}
    >
      {score}
      <span className={size === "sm" ? "font-medium" : "text-xs font-medium"}>· {t}</span>
    </span>
  );
}
