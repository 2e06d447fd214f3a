// The latest leads. Phones masked, no e-mail: the list is for triage, the full contact lives in the alert.
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { LeadRecente } from "@/lib/db/queries/leads-recentes";
import { STATUS_LEAD } from "@/lib/painel/rotulos";
import { origemLabel } from "@/lib/portals/origem-label";
import { maskPhone } from "@/lib/privacy/mask";
import { formatDataHora } from "@/lib/time/format-data-hora";

function scoreTom(score: number, quente: number, morno: number) {
  if (score >= quente) return "erro" as const;
  if (score >= morno) return "alerta" as const;
  return "neutro" as const;
}

type LeadsTableProps = {
  leads: LeadRecente[];
  timezone: string;
  limiares: { quente: number; morno: number };
  mostrarCorretor: boolean;
};

export function LeadsTable({ leads, timezone, limiares, mostrarCorretor }: LeadsTableProps) {
  return (
    <Table label="Leads mais recentes">
      <thead>
        <tr>
          <Th>Lead</Th>
          <Th>Telefone</Th>
          <Th>Origem</Th>
          <Th align="right">Score</Th>
          <Th>Situação</Th>
          {mostrarCorretor ? <Th>Corretor</Th> : null}
          <Th>Chegou em</Th>
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
              <Td className="max-w-56 truncate font-medium text-ink">{lead.nome}</Td>
              <Td className="text-muted tabular-nums">{maskPhone(lead.telefone)}</Td>
              <Td>{origemLabel(lead.origem)}</Td>
              <Td align="right">
                <Badge tom={scoreTom(lead.score, limiares.quente, limiares.morno)}>{lead.score}</Badge>
              </Td>
              <Td>{status ? <Badge tom={status.tom}>{status.rotulo}</Badge> : "—"}</Td>
              {mostrarCorretor ? <Td testId="lead-corretor">{lead.corretorNome ?? "Sem corretor"}</Td> : null}
              <Td className="text-muted tabular-nums">{formatDataHora(lead.dataPrimeiroContato, timezone)}</Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
