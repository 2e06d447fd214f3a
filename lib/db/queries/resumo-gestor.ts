// The manager's summary's own reads (agents/analista/resumo-gestor/): which agencies have someone to
// send it to, the period's SLA breaches, the leads still waiting. Its other figures come from the
// dashboard's PerformanceCalculator and DemandAggregator. The reads per agency go by agency and time
// range, on idx_eventos_imobiliaria_tipo_deteccao and idx_leads_metricas.
import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { executeRows } from "../execute-rows";
import { idSchema } from "./columns";

// eventos/leads times are `timestamp` (no zone) holding UTC wall time; bound as UTC text to match.
const utc = (d: Date) => sql`${d.toISOString()}::timestamp`;

export type SlaPorCorretor = { corretorId: string | null; leads: number };

/** Leads whose first-response deadline broke in [desde, ate), per broker (each SLA step of a lead counts once). */
export async function countSlaVioladoPorCorretor(
  db: Db,
  input: { imobiliariaId: string; desde: Date; ate: Date },
): Promise<SlaPorCorretor[]> {
  const rows = await executeRows<{ corretorId: string | null; leads: number }>(
    db,
    sql`select e.corretor_id as "corretorId", count(distinct coalesce(e.lead_id, e.id))::int as leads
      from eventos e
      where e.imobiliaria_id = ${idSchema.parse(input.imobiliariaId)} and e.tipo = 'sla_violado'
        and e.data_deteccao >= ${utc(input.desde)} and e.data_deteccao < ${utc(input.ate)}
      group by e.corretor_id
      order by leads desc`,
  );
  return rows.map((r) => ({ corretorId: r.corretorId, leads: Number(r.leads) }));
}

export type LeadAguardando = {
  id: string;
  nome: string;
  origem: string | null;
  corretorNome: string | null;
  recebidoEm: Date;
};

/**
 * Leads that arrived in [desde, ate) and still have no first response (still open, not test leads):
 * the `limite` oldest, and how many in all.
 */
export async function listLeadsAguardando(
  db: Db,
  input: { imobiliariaId: string; desde: Date; ate: Date; limite: number },
): Promise<{ total: number; leads: LeadAguardando[] }> {
  const rows = await executeRows<Record<string, unknown>>(
    db,
    sql`select l.id, l.nome, l.origem, c.nome as "corretorNome", (extract(epoch from l.data_primeiro_contato) * 1000)::float8 as "recebidoMs",
        count(*) over ()::int as total
      from leads l left join corretores c on c.id = l.corretor_id
      where l.imobiliaria_id = ${idSchema.parse(input.imobiliariaId)}
        and l.data_primeiro_contato >= ${utc(input.desde)} and l.data_primeiro_contato < ${utc(input.ate)}
        and l.primeira_resposta_em is null
        and l.status not in ('fechado', 'perdido')
        and (l.metadata ->> 'teste') is distinct from 'true'
      order by l.data_primeiro_contato asc, l.id
      limit ${Math.max(1, Math.floor(input.limite))}`,
  );
  return {
    total: Number(rows[0]?.total ?? 0),
    leads: rows.map((r) => ({
      id: String(r.id),
      nome: String(r.nome),
      origem: (r.origem as string | null) ?? null,
      corretorNome: (r.corretorNome as string | null) ?? null,
      recebidoEm: new Date(Number(r.recebidoMs)),
    })),
  };
}

export type GestorDestino = { imobiliariaId: string; usuarioId: string };

/** Every active admin/gestor login with a WhatsApp number, of every agency: who the summaries go to. */
export async function listGestoresDestino(db: Db): Promise<GestorDestino[]> {
  const rows = await executeRows<{ imobiliariaId: string; usuarioId: string }>(
    db,
    sql`select u.imobiliaria_id as "imobiliariaId", u.id as "usuarioId" from usuarios u
      where u.ativo and u.papel in ('admin', 'gestor') and u.whatsapp is not null and u.imobiliaria_id is not null
      order by u.imobiliaria_id, u.id`,
  );
  return rows.map((r) => ({ imobiliariaId: String(r.imobiliariaId), usuarioId: String(r.usuarioId) }));
}
