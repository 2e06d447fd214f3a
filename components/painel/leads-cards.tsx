// The lead list on a phone: one card per lead, the whole card a link to the lead's page, with what a
// broker triages by (name, score, status, broker, when, portal) and no sideways scrolling.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { STATUS_LEAD } from "@/lib/painel/rotulos";
import { formatPhone } from "@/lib/phone/format-phone";
import { origemLabel } from "@/lib/portals/origem-label";
import { formatDataHora } from "@/lib/time/format-data-hora";
import { ScoreBadge } from "@/components/ui/score-badge";
import type { LeadsListaProps } from "./leads-table";

export function LeadsCards({ leads, timezone, limiares, mostrarCorretor }: LeadsListaProps) {
  return (
    <ul className="space-y-3" aria-label="Leads">
      {leads.map((lead) => {
        const status = lead.status ? STATUS_LEAD[lead.status] : null;
        return (
          <li key={lead.id} data-testid="lead-card" data-lead-id={lead.id}>
            <Link
              href={`/leads/${lead.id}`}
              className="block rounded-xl border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-300 focus-visible:outline-2 focus-visible:outline-brand-600"
            >
              <div className="flex items-start justify-between gap-3">
                <span className="min-w-0 break-words font-semibold text-ink">{lead.nome}</span>
                <ScoreBadge score={lead.score} limiares={limiares} size="sm" testId="lead-score" />
              </div>
              <p className="mt-1 text-sm text-slate-700 tabular-nums">{formatPhone(lead.telefone)}</p>
              <div className="mt-2 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted">
                {status ? <Badge tom={status.tom}>{status.rotulo}</Badge> : null}
                <span>{origemLabel(lead.origem)}</span>
                <span aria-hidden>·</span>
                <span className="tabular-nums">{formatDataHora(lead.dataPrimeiroContato, timezone)}</span>
              </div>
              {mostrarCorretor ? (
                <p className="mt-1 text-xs text-muted">
                  Corretor: <span className="text-slate-700">{lead.corretorNome ?? "Sem corretor"}</span>
                </p>
              ) : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
