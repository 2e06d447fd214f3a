// The lead list at desktop width: one row per lead, the name linking to its page; the portal sits under
// the receipt time so the table fits 1366 px beside the sidebar without scrolling sideways. Managers and the
// owning broker see the full phone and e-mail: the list is for working the lead (masking is for logs).
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { LeadListado } from "@/lib/db/queries/leads-lista";
import { STATUS_LEAD } from "@/lib/painel/rotulos";
import { formatPhone } from "@/lib/phone/format-phone";
import { origemLabel } from "@/lib/portals/origem-label";
import { formatDataHora } from "@/lib/time/format-data-hora";
import { ScoreBadge, type Limiares } from "@/components/ui/score-badge";

export type LeadsListaProps = {
  leads: LeadListado[];
  timezone: string;
  limiares: Limiares;
  mostrarCorretor: boolean;
};

export function LeadsTable({ leads, timezone, limiares, mostrarCorretor }: LeadsListaProps) {
  return (
    <Table label="Leads">
      <thead>
        <tr>
          <Th>Lead</Th>
          <Th>Telefone</Th>
          <Th align="right">Score</Th>
          <Th>Situação</Th>
          {mostrarCorretor ? <Th>Corretor</Th> : null}
          <Th>Recebido</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {leads.map((lead) => {
          const status = lead.status ? STATUS_LEAD[lead.status] : null;
          return (
            <tr
              key={lead.id}
              data-testid="lead"
              data-lead-id={lead.id}
              data-corretor-id={lead.corretorId ?? ""}
              className="hover:bg-slate-50"
            >
              <Td className="max-w-60">
                <Link
                  href={`/leads/${lead.id}`}
                  className="block truncate font-medium text-ink underline-offset-2 hover:text-brand-700 hover:underline focus-visible:underline"
                >
                  {lead.nome}
                </Link>
                {lead.email ? <span className="block truncate text-xs text-muted">{lead.email}</span> : null}
              </Td>
              <Td className="tabular-nums" testId="lead-telefone">
                {formatPhone(lead.telefone)}
              </Td>
              <Td align="right">
                <ScoreBadge score={lead.score} limiares={limiares} size="sm" testId="lead-score" />
              </Td>
              <Td>{status ? <Badge tom={status.tom}>{status.rotulo}</Badge> : "—"}</Td>
              {mostrarCorretor ? <Td testId="lead-corretor">{lead.corretorNome ?? "Sem corretor"}</Td> : null}
              <Td>
                <span className="block tabular-nums text-slate-700">
                  {formatDataHora(lead.dataPrimeiroContato, timezone)}
                </span>
                <span className="block text-xs text-muted">via {origemLabel(lead.origem)}</span>
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
