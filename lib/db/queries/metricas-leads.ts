// The dashboard's lead figures for a period, aggregated by Postgres in one statement: each lead's
// response time and funnel stage are worked out once (a CTE) and grouped by local day, portal and
// broker. First response follows the lead page's rule (lib/painel/first-response.ts).
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../client";
import { executeRows } from "../execute-rows";
import { idSchema } from "./columns";

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
      extract(epoch from (l.primeira_resposta_em - l.data_primeiro_contato))::float8 / 60 as minutos,
      case
        when l.status = 'fechado' then 4
        when l.status = 'proposta' then 3
        when l.status in ('visita_agendada', 'visita_realizada') then 2
        when l.status = 'em_contato' or l.primeira_resposta_em is not null then 1
        else 0
      end as etapa
    from leads l
    where l.imobiliaria_id = ${idSchema.parse(scope.imobiliariaId)} ${corretor}
      and l.data_primeiro_contato >= ${utc(p.desde)} and l.data_primeiro_contato < ${utc(p.ate)}`;
}

/** The statement, unrun: for EXPLAIN in tests and the bench. */
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
        from base b group by b.corretor_id) x), '[]') as "porCorretor"`;
}

export async function loadLeadsMetricas(
  db: Db,
  scope: MetricasScope,
  periodo: MetricasPeriodo,
): Promise<LeadsMetricasRows> {
  const [row] = await executeRows<Record<string, unknown>>(db, leadsMetricasQuery(scope, periodo));
  // pg and PGlite parse json columns; a driver handing back text gets parsed here.
  const json = (v: unknown) => (typeof v === "string" ? JSON.parse(v) : v);
  return {
    porDiaPortal: json(row?.porDiaPortal) ?? [],
    respostaPorDia: json(row?.respostaPorDia) ?? [],
    resposta: json(row?.resposta) ?? { medianaMin: null, p90Min: null, medidas: 0 },
    porPortal: json(row?.porPortal) ?? [],
    porCorretor: json(row?.porCorretor) ?? [],
  };
}
