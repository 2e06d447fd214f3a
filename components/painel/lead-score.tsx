// "Por que 82?": every factor with its points, adding up to the score, in words the lead could read
// too (LGPD art. 20: a person may ask how an automated decision about them was made).
import { ScoreBadge } from "@/components/ui/score-badge";
import type { FatorExplicado } from "@/lib/painel/load-lead-detalhe";

type LeadScoreProps = { score: number; fatores: FatorExplicado[]; limiares: { quente: number; morno: number } };

const pontos = (n: number) => (n > 0 ? `+${n}` : `${n}`);

export function LeadScore({ score, fatores, limiares }: LeadScoreProps) {
  return (
    <section
      aria-labelledby="lead-score"
      className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
      data-testid="lead-score"
      data-score={score}
    >
      <div className="flex items-center justify-between gap-3">
        <h2 id="lead-score" className="text-sm font-semibold text-ink">
          Por que {score}?
        </h2>
        <ScoreBadge score={score} limiares={limiares} />
      </div>
      <p className="mt-1 text-xs text-muted">
        A pontuação é a soma destes fatores, calculada automaticamente quando o lead chegou, com o que o portal enviou e
        os dados do anúncio.
      </p>
      {fatores.length === 0 ? (
        <p className="mt-3 text-sm text-muted">Nenhum fator pontuou.</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-100">
          {fatores.map((f) => (
            <li key={f.key} className="flex items-start justify-between gap-3 py-2" data-testid="fator">
              <span className="min-w-0 break-words text-sm text-ink">{f.explicacao}</span>
              <span
                className={`shrink-0 text-sm font-semibold tabular-nums ${f.points < 0 ? "text-red-700" : "text-brand-800"}`}
                data-testid="fator-pontos"
                data-pontos={f.points}
              >
                {pontos(f.points)}
              </span>
            </li>
          ))}
          <li className="flex items-center justify-between gap-3 pt-2 text-sm font-semibold text-ink">
            <span>Total</span>
            <span className="tabular-nums">{score}</span>
          </li>
        </ul>
      )}
    </section>
  );
}
