// A lead's score with its band in words and colour: hot is solid orange, unlike any status badge
// (Perdido is light red), so a hot lead stands out even in a column of badges; the word serves colour-blind readers.
export type Limiares = { quente: number; morno: number };

const FAIXAS = {
  quente: { rotulo: "quente", classe: "bg-orange-700 text-white ring-orange-700" },
  morno: { rotulo: "morno", classe: "bg-amber-50 text-amber-900 ring-amber-300" },
  frio: { rotulo: "frio", classe: "bg-slate-100 text-slate-700 ring-slate-300" },
} as const;

export function scoreFaixa(score: number, { quente, morno }: Limiares): keyof typeof FAIXAS {
  if (score >= quente) return "quente";
  if (score >= morno) return "morno";
  return "frio";
}

export function LeadScoreBadge({ score, limiares }: { score: number; limiares: Limiares }) {
  const faixa = scoreFaixa(score, limiares);
  const { rotulo, classe } = FAIXAS[faixa];
  return (
    <span
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold tabular-nums ring-1 ring-inset ${classe}`}
      data-testid="lead-score"
      data-faixa={faixa}
    >
      {score}
      <span className="font-medium">· {rotulo}</span>
    </span>
  );
}
