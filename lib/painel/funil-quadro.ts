// What the board's client island draws, computed on the server: labels, tones, links and the
// "há 3 h" texts (computed once, here, so the browser's clock never disagrees with the server's).
import type { ColunaFunil } from "@/lib/db/queries/leads-funil";
import type { LeadStatus } from "@/lib/db/schema";
import { formatDataHora } from "@/lib/time/format-data-hora";
import type { AcaoEstado } from "./acao-estado";
import { verTodosHref, type FunilFiltros } from "./funil-filtros";
import { STATUS_LEAD, type Tom } from "./rotulos";
import { tempoDecorrido } from "./tempo-decorrido";

export type CartaoVista = {
  id: string;
  nome: string;
  score: number;
  status: LeadStatus;
  corretorNome: string | null;
  recebido: { texto: string; titulo: string; iso: string | null };
  ultima: { texto: string; titulo: string; iso: string | null };
};

export type ColunaVista = {
  status: LeadStatus;
  rotulo: string;
  tom: Tom;
  total: number;
  verTodos: string;
  leads: CartaoVista[];
};

/** A move's answer on the board: the lead it was about, so its card shows the errors beside its fields. */
export type FunilEstado = AcaoEstado & { leadId?: string };

const quando = (at: Date | null, now: Date, timezone: string) => ({
  texto: tempoDecorrido(at, now, timezone),
  titulo: formatDataHora(at, timezone),
  iso: at ? at.toISOString() : null,
});

export function toQuadro(
  colunas: ColunaFunil[],
  { now, timezone, filtros }: { now: Date; timezone: string; filtros: FunilFiltros },
): ColunaVista[] {
  return colunas.map((c) => ({
    status: c.status,
    ...STATUS_LEAD[c.status],
    total: c.total,
    verTodos: verTodosHref(filtros, c.status),
    leads: c.leads.map((l) => ({
      id: l.id,
      nome: l.nome,
      score: l.score,
      status: l.status,
      corretorNome: l.corretorNome,
      recebido: quando(l.dataPrimeiroContato, now, timezone),
      ultima: quando(l.dataUltimaInteracao, now, timezone),
    })),
  }));
}
