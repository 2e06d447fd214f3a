// /funil: the leads as a board, one column per status. Each column is bounded (its newest received
// leads, read through the (agency, status, receipt time) index like /leads filtered by status) and
// carries its total, so a board of 100,000 leads costs seven short index ranges and one count.
import { and, count, eq, gte, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { corretores, LEAD_STATUS, leads, type LeadStatus } from "../schema";
import { idSchema } from "./columns";

export type CartaoFunil = {
  id: string;
  nome: string;
  score: number;
  status: LeadStatus;
  dataPrimeiroContato: Date | null;
  dataUltimaInteracao: Date | null;
  corretorId: string | null;
  corretorNome: string | null;
};

export type ColunaFunil = { status: LeadStatus; total: number; leads: CartaoFunil[] };

/** What narrows the board; scope (agency, broker) comes apart, from the session. */
export type FunilBusca = { origem?: string; scoreMin?: number };

type Scope = { imobiliariaId: string; corretorId: string | null };

function conditions(scope: Scope, busca: FunilBusca): SQL[] {
  const c: SQL[] = [eq(leads.imobiliariaId, idSchema.parse(scope.imobiliariaId))];
  if (scope.corretorId) c.push(eq(leads.corretorId, idSchema.parse(scope.corretorId)));
  if (busca.origem) c.push(eq(leads.origem, busca.origem));
  if (busca.scoreMin !== undefined) c.push(gte(sql`coalesce(${leads.score}, 0)`, busca.scoreMin));
  return c;
}

/** One column's newest leads, unrun: for EXPLAIN in tests. */
export function columnQuery(db: Db, scope: Scope, busca: FunilBusca, status: LeadStatus, limit: number) {
  return (
    db
      .select({
        id: leads.id,
        nome: leads.nome,
        score: leads.score,
        dataPrimeiroContato: leads.dataPrimeiroContato,
        dataUltimaInteracao: leads.dataUltimaInteracao,
        corretorId: leads.corretorId,
        corretorNome: corretores.nome,
      })
      .from(leads)
      .leftJoin(corretores, eq(corretores.id, leads.corretorId))
      .where(and(...conditions(scope, busca), eq(leads.status, status)))
      // The exact order and null placement of idx_leads_imobiliaria_status_recebido: no sort.
      .orderBy(sql`${leads.dataPrimeiroContato} desc nulls last`, sql`${leads.id} desc nulls last`)
      .limit(limit)
  );
}

/** Every column's total in one statement: an index-only count over (agency, status, broker). */
export function countQuery(db: Db, scope: Scope, busca: FunilBusca) {
  return db
    .select({ status: leads.status, total: count() })
    .from(leads)
    .where(and(...conditions(scope, busca), inArray(leads.status, [...LEAD_STATUS])))
    .groupBy(leads.status);
}

/**
 * The board within `scope` (`corretorId` set = only that broker's leads): every status in funnel
 * order, each with up to `porColuna` leads, newest received first, and how many it holds in all.
 */
export async function listFunil(db: Db, scope: Scope, busca: FunilBusca, porColuna: number): Promise<ColunaFunil[]> {
  const limit = Math.min(Math.max(Math.trunc(porColuna), 1), 200);
  const [totais, ...colunas] = await Promise.all([
    countQuery(db, scope, busca),
    ...LEAD_STATUS.map((status) => columnQuery(db, scope, busca, status, limit)),
  ]);
  const totalDe = new Map(totais.map((t) => [t.status, Number(t.total)]));
  return LEAD_STATUS.map((status, i) => ({
    status,
    total: totalDe.get(status) ?? 0,
    leads: colunas[i]!.map((r) => ({ ...r, status, score: r.score ?? 0 })),
  }));
}
