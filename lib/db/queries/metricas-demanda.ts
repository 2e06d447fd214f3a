// What the period's leads asked for (leads.busca), grouped by Postgres into the few distinct values
// the DemandAggregator folds and bands itself: bairro, tipo, and (finalidade, price range) tuples.
// Whole local days of the agency read the rollup (demanda_diaria, migration 0022, whose
// lastro_demanda_grupos() forms the same groups); other periods the leads. Test leads count nowhere.
import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { executeRows } from "../execute-rows";
import type { Busca } from "../schema";
import { idSchema } from "./columns";
import { checkPeriodo, type MetricasPeriodo, type MetricasScope } from "./metricas-leads";
import { rollupCovers, rollupWhere, wholeLocalDays, type DiasDoPeriodo } from "./metricas-rollup";

/** A value and how many leads asked for it; `busca` carries only the fields the value was grouped by. */
export type BuscaAgrupada = { busca: Busca; leads: number };
export type DemandaAgrupada = {
  leadsComBusca: number;
  bairros: BuscaAgrupada[];
  tipos: BuscaAgrupada[];
  precos: BuscaAgrupada[];
};

// A field the parser left non-numeric counts as absent, as it does for the weekly summary.
const numero = (campo: string) =>
  sql.raw(`case when jsonb_typeof(busca->'${campo}') = 'number' then (busca->>'${campo}')::float8 end`);

export function demandaQuery(scope: MetricasScope, periodo: MetricasPeriodo) {
  const p = checkPeriodo(periodo);
  const corretor = scope.corretorId ? sql`and corretor_id = ${idSchema.parse(scope.corretorId)}` : sql``;
  return sql`
    with base as materialized (
      select busca->>'bairro' as bairro, busca->>'tipo' as tipo, busca->>'finalidade' as finalidade,
        ${numero("precoMin")} as "precoMin", ${numero("precoMax")} as "precoMax"
      from leads
      where imobiliaria_id = ${idSchema.parse(scope.imobiliariaId)} ${corretor}
        and data_primeiro_contato >= ${p.desde.toISOString()}::timestamp
        and data_primeiro_contato < ${p.ate.toISOString()}::timestamp
        and busca is not null and jsonb_typeof(busca) = 'object'
        and not lastro_lead_de_teste(metadata, email))
    select
      (select count(*)::int from base) as "leadsComBusca",
      coalesce((select json_agg(x) from (
        select bairro, count(*)::int as leads from base where bairro is not null group by bairro) x), '[]') as bairros,
      coalesce((select json_agg(x) from (
        select tipo, count(*)::int as leads from base where tipo is not null group by tipo) x), '[]') as tipos,
      coalesce((select json_agg(x) from (
        select finalidade, "precoMin", "precoMax", count(*)::int as leads from base
        where "precoMin" is not null or "precoMax" is not null
        group by finalidade, "precoMin", "precoMax") x), '[]') as precos`;
}

/** The same groups from the rollup; `cobre` false when the agency's timezone is not `timezone`. */
export function demandaRollupQuery(scope: MetricasScope, dias: DiasDoPeriodo, timezone: string) {
  const grupos = (dimensao: string) => sql`coalesce((select json_agg(chave || jsonb_build_object('leads', leads))
        from g where dimensao = ${dimensao}), '[]')`;
  return sql`
    with g as materialized (
      select dimensao, chave, sum(leads)::int as leads from demanda_diaria
      where ${rollupWhere(scope, dias)} and dimensao <> 'imovel'
      group by dimensao, chave having sum(leads) <> 0)
    select
      ${rollupCovers(scope, timezone)} as cobre,
      (select coalesce(sum(leads), 0)::int from g where dimensao = 'busca') as "leadsComBusca",
      ${grupos("bairro")} as bairros, ${grupos("tipo")} as tipos, ${grupos("preco")} as precos`;
}

type Linha = {
  bairro?: string;
  tipo?: string;
  finalidade?: string | null;
  precoMin?: number | null;
  precoMax?: number | null;
  leads: number;
};

function comoBusca(l: Linha): Busca {
  const b: Busca = {};
  if (l.bairro) b.bairro = l.bairro;
  if (l.tipo) b.tipo = l.tipo;
  if (l.finalidade === "venda" || l.finalidade === "aluguel") b.finalidade = l.finalidade;
  if (l.precoMin != null) b.precoMin = l.precoMin;
  if (l.precoMax != null) b.precoMax = l.precoMax;
  return b;
}

export async function loadDemandaAgrupada(
  db: Db,
  scope: MetricasScope,
  periodo: MetricasPeriodo,
): Promise<DemandaAgrupada> {
  const p = checkPeriodo(periodo);
  const dias = wholeLocalDays(p);
  let [row] = dias ? await executeRows<Record<string, unknown>>(db, demandaRollupQuery(scope, dias, p.timezone)) : [];
  if (!row?.cobre) [row] = await executeRows<Record<string, unknown>>(db, demandaQuery(scope, p));
  const json = (v: unknown): Linha[] => ((typeof v === "string" ? JSON.parse(v) : v) as Linha[] | null) ?? [];
  const agrupar = (v: unknown) => json(v).map((l) => ({ busca: comoBusca(l), leads: l.leads }));
  return {
    leadsComBusca: Number(row?.leadsComBusca ?? 0),
    bairros: agrupar(row?.bairros),
    tipos: agrupar(row?.tipos),
    precos: agrupar(row?.precos),
  };
}
