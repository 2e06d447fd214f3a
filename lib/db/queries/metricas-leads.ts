// The dashboard's lead figures for a period, aggregated by Postgres in one statement. A period of the
// agency's whole local days reads the daily rollup (metricas_diarias, metricas_respostas_diarias:
// migration 0022, kept by triggers); any other period reads the leads themselves with the raw statement
// below, which is the definition the rollup's triggers follow: each lead's response time (whole seconds)
// and funnel stage worked out once and grouped by local day, portal and broker. First response follows
// the lead page's rule (lib/painel/first-response.ts). A lead sent by "Enviar lead de teste" counts nowhere.
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../client";
import { executeRows } from "../execute-rows";
import { idSchema } from "./columns";
import {
  percentilesOf,
  type HistogramaDia,
  rollupCovers,
  rollupWhere,
  wholeLocalDays,
  type DiasDoPeriodo,
} from "./metricas-rollup";

export type MetricasScope = { imobiliariaId: string; corretorId: string | null };
/** [desde, ate) as instants, and the zone whose calendar days the figures are grouped by. */
export type MetricasPeriodo = { desde: Date; ate: Date; timezone: string };

/** Funnel stages after "lead", in order; a lead counts in every stage up to the one it reached. */
export const ETAPAS_FUNIL = ["contato", "visita", "proposta", "fechado"] as const;
export type EtapaFunil = (typeof ETAPAS_FUNIL)[number];

export type ContagemEtapas = { leads: number } & Record<EtapaFunil, number>;
export type RespostaAgregada = { medianaMin: number | null; p90Min: number | null; medidas: number };

export type LeadsMetricasRows = {
  porDiaPortal: { dia: string; origem: string; leads: number }[];
  respostaPorDia: ({ dia: string } & RespostaAgregada)[];
  resposta: RespostaAgregada;
  porPortal: ({ origem: string } & ContagemEtapas)[];
  porCorretor: ({ corretorId: string | null } & ContagemEtapas & RespostaAgregada)[];
  /** Leads the roleta routed, per broker (the broker who holds the lead now). */
  roleta: { corretorId: string | null; leads: number }[];
};

const timezoneSchema = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat("pt-BR", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, "fuso horário desconhecido");

export function checkPeriodo(p: MetricasPeriodo): MetricasPeriodo {
  if (!(p.desde < p.ate)) throw new Error("período vazio: desde deve ser antes de ate");
  return { desde: p.desde, ate: p.ate, timezone: timezoneSchema.parse(p.timezone) };
}

// leads/interacoes times are `timestamp` (no zone) holding UTC wall time; bound as UTC text to match.
const utc = (d: Date) => sql`${d.toISOString()}::timestamp`;
const etapas = (alias: string) =>
  sql.raw(
    [
      `count(*)::int as leads`,
      ...ETAPAS_FUNIL.map((e, i) => `count(*) filter (where ${alias}.etapa >= ${i + 1})::int as ${e}`),
    ].join(", "),
  );
// percentile_cont(0.5) is the mean of the two middle values for an even count: the weekly median's definition.
const resposta = sql.raw(
  `percentile_cont(0.5) within group (order by minutos) as "medianaMin", percentile_cont(0.9) within group (order by minutos) as "p90Min", count(minutos)::int as medidas`,
);

function baseQuery(scope: MetricasScope, p: MetricasPeriodo): SQL {
  const corretor = scope.corretorId ? sql`and l.corretor_id = ${idSchema.parse(scope.corretorId)}` : sql``;
  // Reads only idx_leads_metricas' columns: an index-only range, no join (primeira_resposta_em is kept by
  // the interacoes trigger of migration 0013, under the same rule as the lead page).
  return sql`
    select
      l.corretor_id,
      coalesce(l.origem, '') as origem,
      ((l.data_primeiro_contato at time zone 'UTC') at time zone ${p.timezone})::date as dia,
      floor(extract(epoch from (l.primeira_resposta_em - l.data_primeiro_contato)))::float8 / 60 as minutos,
      case
        when l.status = 'fechado' then 4
        when l.status = 'proposta' then 3
        when l.status in ('visita_agendada', 'visita_realizada') then 2
        when l.status = 'em_contato' or l.primeira_resposta_em is not null then 1
        else 0
      end as etapa,
      (coalesce(l.metadata->>'roteamento', '') in ('roleta', 'roleta_fora_do_expediente'))::int as roleta
    from leads l
    where l.imobiliaria_id = ${idSchema.parse(scope.imobiliariaId)} ${corretor}
      and l.data_primeiro_contato >= ${utc(p.desde)} and l.data_primeiro_contato < ${utc(p.ate)}
      and not lastro_lead_de_teste(l.metadata, l.email)`;
}

/** The raw statement, unrun (the rollup's definition; EXPLAIN in the bench's notes). */
export function leadsMetricasQuery(scope: MetricasScope, periodo: MetricasPeriodo): SQL {
  const p = checkPeriodo(periodo);
  return sql`
    with base as materialized (${baseQuery(scope, p)})
    select
      coalesce((select json_agg(x order by x.dia, x.origem) from (
        select dia, origem, count(*)::int as leads from base group by dia, origem) x), '[]') as "porDiaPortal",
      coalesce((select json_agg(x order by x.dia) from (
        select dia, ${resposta} from base where minutos is not null group by dia) x), '[]') as "respostaPorDia",
      (select row_to_json(x) from (select ${resposta} from base where minutos is not null) x) as resposta,
      coalesce((select json_agg(x order by x.leads desc, x.origem) from (
        select origem, ${etapas("base")} from base group by origem) x), '[]') as "porPortal",
      coalesce((select json_agg(x) from (
        select b.corretor_id as "corretorId", ${etapas("b")},
          percentile_cont(0.5) within group (order by b.minutos) as "medianaMin",
          percentile_cont(0.9) within group (order by b.minutos) as "p90Min",
          count(b.minutos)::int as medidas
        from base b group by b.corretor_id) x), '[]') as "porCorretor",
      coalesce((select json_agg(x) from (
        select corretor_id as "corretorId", sum(roleta)::int as leads from base group by corretor_id having sum(roleta) > 0) x),
        '[]') as roleta`;
}

const semCorretor = sql.raw(`nullif(corretor_id, '')`);
const somaEtapas = sql.raw(
  ["sum(leads)::int as leads", ...ETAPAS_FUNIL.map((e) => `sum(${e})::int as ${e}`)].join(", "),
);

/**
 * The same figures from the rollup, for a period of whole local days; `cobre` is false when the agency's
 * timezone is not `timezone` (then the rows' days are not the ones asked for and the raw statement answers).
 */
export function leadsMetricasRollupQuery(scope: MetricasScope, dias: DiasDoPeriodo, timezone: string): SQL {
  return sql`
    with f as materialized (
      select to_char(dia, 'YYYY-MM-DD') as dia, corretor_id, origem, leads, contato, visita, proposta, fechado, roleta
      from metricas_diarias where ${rollupWhere(scope, dias)})
    select
      ${rollupCovers(scope, timezone)} as cobre,
      coalesce((select json_agg(x order by x.dia, x.origem) from (
        select dia, origem, sum(leads)::int as leads from f group by dia, origem having sum(leads) <> 0) x), '[]') as "porDiaPortal",
      coalesce((select json_agg(x) from (
        select to_char(dia, 'YYYY-MM-DD') as dia, corretor_id as "corretorId",
          array_agg(segundos order by segundos) as segundos, array_agg(leads order by segundos) as leads
        from metricas_respostas_diarias where ${rollupWhere(scope, dias)} and leads <> 0
        group by dia, corretor_id) x), '[]') as histograma,
      coalesce((select json_agg(x order by x.leads desc, x.origem) from (
        select origem, ${somaEtapas} from f group by origem having sum(leads) <> 0) x), '[]') as "porPortal",
      coalesce((select json_agg(x) from (
        select ${semCorretor} as "corretorId", ${somaEtapas} from f group by corretor_id having sum(leads) <> 0) x),
        '[]') as "porCorretor",
      coalesce((select json_agg(x) from (
        select ${semCorretor} as "corretorId", sum(roleta)::int as leads from f group by corretor_id having sum(roleta) > 0) x),
        '[]') as roleta`;
}

// pg and PGlite parse json columns; a driver handing back text gets parsed here.
const json = (v: unknown) => (typeof v === "string" ? JSON.parse(v) : v);

/** The figures of a period of whole local days from the rollup; null when the agency's timezone is another. */
export async function loadLeadsMetricasRollup(
  db: Db,
  scope: MetricasScope,
  dias: DiasDoPeriodo,
  timezone: string,
): Promise<LeadsMetricasRows | null> {
  const [row] = await executeRows<Record<string, unknown>>(db, leadsMetricasRollupQuery(scope, dias, timezone));
  if (!row?.cobre) return null;
  const histograma: HistogramaDia[] = json(row.histograma) ?? [];
  const agrupar = (chave: (h: HistogramaDia) => string) => {
    const grupos = new Map<string, HistogramaDia[]>();
    for (const h of histograma) grupos.set(chave(h), [...(grupos.get(chave(h)) ?? []), h]);
    return grupos;
  };
  const porCorretor = agrupar((h) => h.corretorId);
  type Contagem = { corretorId: string | null } & ContagemEtapas;
  return {
    porDiaPortal: json(row.porDiaPortal) ?? [],
    respostaPorDia: [...agrupar((h) => h.dia)]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([dia, partes]) => ({ dia, ...percentilesOf(partes) }))
      // A day whose slices cancel out (a +1 and a −1 written by two connections) has no response left.
      .filter((d) => d.medidas > 0),
    resposta: percentilesOf(histograma),
    porPortal: json(row.porPortal) ?? [],
    porCorretor: ((json(row.porCorretor) ?? []) as Contagem[]).map((c) => ({
      ...c,
      ...percentilesOf(porCorretor.get(c.corretorId ?? "") ?? []),
    })),
    roleta: json(row.roleta) ?? [],
  };
}

/** The figures of any period from the leads themselves (the raw statement). */
export async function loadLeadsMetricasRaw(
  db: Db,
  scope: MetricasScope,
  periodo: MetricasPeriodo,
): Promise<LeadsMetricasRows> {
  const [row] = await executeRows<Record<string, unknown>>(db, leadsMetricasQuery(scope, checkPeriodo(periodo)));
  return {
    porDiaPortal: json(row?.porDiaPortal) ?? [],
    respostaPorDia: json(row?.respostaPorDia) ?? [],
    resposta: json(row?.resposta) ?? { medianaMin: null, p90Min: null, medidas: 0 },
    porPortal: json(row?.porPortal) ?? [],
    porCorretor: json(row?.porCorretor) ?? [],
    roleta: json(row?.roleta) ?? [],
  };
}

export async function loadLeadsMetricas(
  db: Db,
  scope: MetricasScope,
  periodo: MetricasPeriodo,
): Promise<LeadsMetricasRows> {
  const p = checkPeriodo(periodo);
  const dias = wholeLocalDays(p);
  return (dias && (await loadLeadsMetricasRollup(db, scope, dias, p.timezone))) ?? loadLeadsMetricasRaw(db, scope, p);
}
