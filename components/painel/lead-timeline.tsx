// The lead's one timeline, newest first: what people did, what Lastro detected and decided (with the
// reason in words), and each WhatsApp message to the broker with where it stands.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { TimelineItem } from "@/lib/painel/load-lead-detalhe";
import { formatDataHora } from "@/lib/time/format-data-hora";

const ORIGEM = {
  interacao: { rotulo: "Atendimento", ponto: "bg-brand-600" },
  evento: { rotulo: "Lastro detectou", ponto: "bg-sky-600" },
  mensagem: { rotulo: "WhatsApp", ponto: "bg-slate-500" },
} as const;

// A portal message may be long (up to the webhook's limit): the timeline shows its beginning.
const TEXTO_MAX = 1200;
const cortar = (texto: string) => (texto.length > TEXTO_MAX ? `${texto.slice(0, TEXTO_MAX)}…` : texto);

const LINK =
  "rounded text-sm font-medium text-brand-700 hover:text-brand-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600";

/** `cortado`: older items were left out; `completo`: the whole history is shown; `href`: the lead page. */
type Historico = { cortado: boolean; completo: boolean; href: string };

export function LeadTimeline({
  itens,
  timezone,
  historico,
}: {
  itens: TimelineItem[];
  timezone: string;
  historico?: Historico;
}) {
  return (
    <section aria-labelledby="lead-timeline" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="lead-timeline" className="text-sm font-semibold text-ink">
        Histórico
      </h2>
      {itens.length === 0 ? (
        <p className="mt-2 text-sm text-muted">Nada registrado ainda.</p>
      ) : (
        <ol className="mt-3 space-y-4" data-testid="timeline">
          {itens.map((item) => {
            const origem = ORIGEM[item.origem];
            return (
              <li
                key={item.id}
                className="relative border-l-2 border-slate-100 pl-4"
                data-testid="timeline-item"
                data-origem={item.origem}
                data-tipo={item.tipo}
              >
                <span aria-hidden className={`absolute -left-[5px] top-1.5 h-2 w-2 rounded-full ${origem.ponto}`} />
                <p className="text-xs text-muted">
                  <time dateTime={item.at.toISOString()} className="tabular-nums">
                    {formatDataHora(item.at, timezone)}
                  </time>{" "}
                  · {origem.rotulo}
                </p>
                <div className="mt-0.5 flex flex-wrap items-center gap-2">
                  <p className="text-sm font-medium text-ink">{item.titulo}</p>
                  {item.badge ? <Badge tom={item.badge.tom}>{item.badge.rotulo}</Badge> : null}
                </div>
                {item.texto ? (
                  <p className="mt-1 whitespace-pre-line break-words text-sm text-slate-700">{cortar(item.texto)}</p>
                ) : null}
                {item.decisao ? (
                  <p className="mt-1 text-sm text-slate-700" data-testid="decisao">
                    <span className="font-medium text-ink">Decisão:</span> {item.decisao}
                  </p>
                ) : null}
                {item.enviadaEm ? (
                  <p className="mt-1 text-xs text-muted">
                    Enviada em <span className="tabular-nums">{formatDataHora(item.enviadaEm, timezone)}</span>
                  </p>
                ) : null}
                {item.escrita ? (
                  <p className="mt-1 text-xs text-muted" data-testid="mensagem-escrita">
                    {item.escrita}.
                  </p>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      {historico?.cortado ? (
        <p className="mt-4 text-sm text-muted" data-testid="historico-cortado">
          Mostrando os {itens.length} registros mais recentes.{" "}
          <Link href={`${historico.href}?historico=tudo#lead-timeline`} className={LINK}>
            Ver histórico completo
          </Link>
        </p>
      ) : historico?.completo ? (
        <p className="mt-4 text-sm">
          <Link href={`${historico.href}#lead-timeline`} className={LINK}>
            Mostrar só os mais recentes
          </Link>
        </p>
      ) : null}
    </section>
  );
}
