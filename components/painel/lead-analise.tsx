// "Leitura da conversa": the ConversationAnalyzer's reading of the newest message or note about the
// lead (intent, sentiment, objections) and the next step it suggests.
import { Badge } from "@/components/ui/badge";
import { INTENCAO_ROTULO, OBJECAO_ROTULO, SENTIMENTO_ROTULO } from "@/lib/domain/analise-conversa";
import type { UltimaAnalise } from "@/lib/painel/ultima-analise";
import { formatDataHora } from "@/lib/time/format-data-hora";

const TOM = { positivo: "sucesso", neutro: "neutro", negativo: "erro" } as const;

/** Who read it: the model (named) or the rules engine. */
function motorRotulo(motor: string): string {
  return motor.startsWith("modelo:") ? `pela IA (${motor.slice(7)})` : "pelas regras automáticas";
}

export function LeadAnalise({ analise, timezone }: { analise: UltimaAnalise | null; timezone: string }) {
  return (
    <section
      aria-labelledby="lead-analise"
      className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
      data-testid="lead-analise"
    >
      <h2 id="lead-analise" className="text-sm font-semibold text-ink">
        Leitura da conversa
      </h2>
      {analise ? (
        <>
          <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-2 sm:grid-cols-3">
            <div className="min-w-0">
              <dt className="text-xs font-medium uppercase tracking-wide text-muted">Intenção</dt>
              <dd className="text-sm text-ink" data-testid="lead-analise-intencao">
                {INTENCAO_ROTULO[analise.analise.intencao]}
              </dd>
            </div>
            <div className="min-w-0">
              <dt className="text-xs font-medium uppercase tracking-wide text-muted">Sentimento</dt>
              <dd className="text-sm" data-testid="lead-analise-sentimento">
                <Badge tom={TOM[analise.analise.sentimento]}>{SENTIMENTO_ROTULO[analise.analise.sentimento]}</Badge>
              </dd>
            </div>
            <div className="col-span-2 min-w-0 sm:col-span-1">
              <dt className="text-xs font-medium uppercase tracking-wide text-muted">Objeções</dt>
              <dd className="break-words text-sm text-ink" data-testid="lead-analise-objecoes">
                {analise.analise.objecoes.length > 0
                  ? analise.analise.objecoes.map((o) => OBJECAO_ROTULO[o]).join(", ")
                  : "Nenhuma"}
              </dd>
            </div>
          </dl>
          <p className="mt-3 text-sm text-ink" data-testid="lead-analise-proximo-passo">
            <span className="font-medium">Próximo passo: </span>
            {analise.analise.proximoPasso}
          </p>
          <p className="mt-1 text-xs text-muted" data-testid="lead-analise-motor">
            Lido da interação de {formatDataHora(analise.at, timezone)} {motorRotulo(analise.analise.motor)}.
          </p>
        </>
      ) : (
        <p className="mt-2 text-sm text-muted">Nenhuma mensagem deste lead foi lida ainda.</p>
      )}
    </section>
  );
}
