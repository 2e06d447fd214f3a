// The stock side of "demanda × estoque": the agency's active listings (a broker's own, for a broker),
// each with how many of the period's leads asked about it (any broker's lead; test leads count nowhere).
// Whole local days of the agency read demanda_diaria's `imovel` rows (migration 0022), other periods the leads.
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { executeRows } from "../execute-rows";
import { idSchema } from "./columns";
import { checkPeriodo, type MetricasPeriodo, type MetricasScope } from "./metricas-leads";
import { rollupCovers, rollupWhere, wholeLocalDays, type DiasDoPeriodo } from "./metricas-rollup";

export type ImovelEstoque = {
  id: string;
  codigo: string;
  titulo: string | null;
  bairro: string | null;
  tipo: string;
  finalidade: "venda" | "aluguel";
  preco: number | null;
  consultas: number;
};

function estoque(scope: MetricasScope, consultas: SQL) {
  const corretor = scope.corretorId ? sql`and i.corretor_id = ${idSchema.parse(scope.corretorId)}` : sql``;
  return sql`
    select i.id, i.codigo, i.titulo, i.bairro, i.tipo, i.finalidade, i.preco::float8 as preco,
      coalesce(c.consultas, 0)::int as consultas
    from imoveis i
    left join (${consultas}) c on c.imovel_id = i.id
    where i.imobiliaria_id = ${idSchema.parse(scope.imobiliariaId)} and i.ativo ${corretor}
    order by i.codigo`;
}

export function estoqueQuery(scope: MetricasScope, periodo: MetricasPeriodo) {
  const p = checkPeriodo(periodo);
  return estoque(
    scope,
    sql`select imovel_id, count(*) as consultas from leads
      where imobiliaria_id = ${idSchema.parse(scope.imobiliariaId)} and imovel_id is not null
        and data_primeiro_contato >= ${p.desde.toISOString()}::timestamp
        and data_primeiro_contato < ${p.ate.toISOString()}::timestamp
        and not lastro_lead_de_teste(metadata, email)
      group by imovel_id`,
  );
}

/** The same from the rollup; every row carries `cobre` (false: the agency's timezone is not `timezone`). */
export function estoqueRollupQuery(scope: MetricasScope, dias: DiasDoPeriodo, timezone: string) {
  const agencia = { imobiliariaId: scope.imobiliariaId, corretorId: null };
  return sql`select e.*, ${rollupCovers(scope, timezone)} as cobre from (${estoque(
    scope,
    sql`select chave->>'imovel' as imovel_id, sum(leads) as consultas from demanda_diaria
      where ${rollupWhere(agencia, dias)} and dimensao = 'imovel' group by chave->>'imovel'`,
  )}) e`;
}

export async function listEstoqueComConsultas(
  db: Db,
  scope: MetricasScope,
  periodo: MetricasPeriodo,
): Promise<ImovelEstoque[]> {
  const p = checkPeriodo(periodo);
  const dias = wholeLocalDays(p);
  if (dias) {
    const rows = await executeRows<ImovelEstoque & { cobre?: boolean }>(
      db,
      estoqueRollupQuery(scope, dias, p.timezone),
    );
    // No listing at all: nothing to tell either way.
    if (rows.length === 0 || rows[0]!.cobre) return rows.map(({ cobre: _, ...r }) => r);
  }
  return executeRows<ImovelEstoque>(db, estoqueQuery(scope, p));
}
