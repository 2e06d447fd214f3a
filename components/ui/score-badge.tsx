// A lead's score with its temperature. Hot is a filled orange, unlike any status badge (a lost lead
// is a light red one), so the two never read alike; the word is there for those who do not see colour.
type ScoreBadgeProps = { score: number; limiares: { quente: number; morno: number }; testId?: string };

export function temperatura(score: number, limiares: { quente: number; morno: number }) {
  if (score >= limiares.quente) return "quente" as const;
  if (score >= limiares.morno) return "morno" as const;
  return "frio" as const;
}

const TONS = {
  quente: "bg-orange-700 text-white ring-orange-800",
  morno: "bg-amber-50 text-amber-900 ring-amber-300",
  frio: "bg-slate-100 text-slate-700 ring-slate-200",
} as const;

export function ScoreBadge({ score, limiares, testId }: ScoreBadgeProps) {
  const t = temperatura(score, limiares);
  return (
    <span
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2.5 py-0.5 text-sm font-semibold tabular-nums ring-1 ring-inset ${TONS[t]}`}
      data-testid={testId}
      data-temperatura={t}
    >
      {score}
      <span className="text-xs font-medium">· {t}</span>
    </span>
  );
}
