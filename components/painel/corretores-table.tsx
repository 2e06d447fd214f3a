import { plural } from "@/lib/text/plural";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { Corretor } from "@/lib/db/queries/corretores";
import { diasTexto } from "@/lib/painel/rotulos";
import { maskPhone } from "@/lib/privacy/mask";
import { formatDataHora } from "@/lib/time/format-data-hora";
import { isPaused } from "@/lib/time/working-hours";

type CorretoresTableProps = { corretores: Corretor[]; timezone: string; agora: Date };

export function CorretoresTable({ corretores, timezone, agora }: CorretoresTableProps) {
  return (
    <Table label="Corretores">
      <thead>
        <tr>
          <Th>Corretor</Th>
          <Th>WhatsApp</Th>
          <Th>Situação</Th>
          <Th align="right">Limite diário</Th>
          <Th>Horário</Th>
          <Th>Dias</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {corretores.map((c) => {
          const { preferencias: p } = c;
          const pausado = isPaused(p, agora);
          return (
            <tr key={c.id} data-testid="corretor" data-corretor-id={c.id} className="hover:bg-slate-50">
              <Td className="font-medium text-ink">
                <Link
                  href={`/corretores/${c.id}`}
                  className="text-brand-700 hover:underline"
                  data-testid="corretor-link"
                >
                  {c.nome}
                </Link>
              </Td>
              <Td className="text-muted tabular-nums">{maskPhone(c.telefone)}</Td>
              <Td>
                {c.ativo === false ? (
                  <Badge>Inativo</Badge>
                ) : pausado ? (
                  <Badge tom="alerta">Pausado até {formatDataHora(new Date(p.pausadoAte!), timezone)}</Badge>
                ) : (
                  <Badge tom="sucesso">Ativo</Badge>
                )}
              </Td>
              <Td align="right">{plural(p.limiteDiario, "mensagem", "mensagens")}</Td>
              <Td className="tabular-nums">
                {p.horario.inicio}–{p.horario.fim}
              </Td>
              <Td>{diasTexto(p.dias)}</Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
