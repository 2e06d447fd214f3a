// The dashboard's WhatsApp figures for a period: messages created each local day that went out, that
// the daily quota held (`retida_cota`) or that wait for the broker's hours (`agendada`); and per broker.
// Whole local days of the agency read the rollup (metricas_mensagens_diarias, migration 0022).
import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { executeRows } from "../execute-rows";
import type { MensagemStatus } from "../schema";
import { idSchema } from "./columns";
import { checkPeriodo, type MetricasPeriodo, type MetricasScope } from "./metricas-leads";
import { rollupCovers, rollupWhere, wholeLocalDays, type DiasDoPeriodo } from "./metricas-rollup";

/** Reached the broker's phone (or the provider accepted it). */
export const MENSAGEM_ENVIADA = ["enviada", "entregue", "lida"] as const satisfies readonly MensagemStatus[];

export type ContagemMensagens = { enviadas: number; retidas: number; agendadas: number };
export type MensagensMetricasRows = {
  porDia: ({ dia: string } & ContagemMensagens)[];
  porCorretor: ({ corretorId: string } & ContagemMensagens)[];
};

const contagens = sql.raw(
  `count(*) filter (where status in (${MENSAGEM_ENVIADA.map((s) => `'${s}'`).join(", ")}))::int as enviadas,
   count(*) filter (where status = 'retida_cota')::int as retidas,
   count(*) filter (where status = 'agendada')::int as agendadas`,
);

export function mensagensMetricasQuery(scope: MetricasScope, periodo: MetricasPeriodo) {
  const p = checkPeriodo(periodo);
  const corretor = scope.corretorId ? sql`and corretor_id = ${idSchema.parse(scope.corretorId)}` : sql``;
  return sql`
    with base as materialized (
      select corretor_id, status, to_char(criado_em at time zone ${p.timezone}, 'YYYY-MM-DD') as dia
      from mensagens
      -- Brokers' messages only: the quota figures mean nothing for a manager's alert or summary.
      where imobiliaria_id = ${idSchema.parse(scope.imobiliariaId)} ${corretor} and corretor_id is not null
        and criado_em >= ${p.desde.toISOString()}::timestamptz and criado_em < ${p.ate.toISOString()}::timestamptz)
    select
      coalesce((select json_agg(x order by x.dia) from (select dia, ${contagens} from base group by dia) x
        where (x.enviadas, x.retidas, x.agendadas) <> (0, 0, 0)), '[]') as "porDia",
      coalesce((select json_agg(x order by x."corretorId") from (
        select corretor_id as "corretorId", ${contagens} from base group by corretor_id) x
        where (x.enviadas, x.retidas, x.agendadas) <> (0, 0, 0)), '[]') as "porCorretor"`;
}

const somas = sql.raw(`sum(enviadas)::int as enviadas, sum(retidas)::int as retidas, sum(agendadas)::int as agendadas`);
const algumaSoma = sql.raw(`(sum(enviadas), sum(retidas), sum(agendadas)) <> (0, 0, 0)`);

/** The same figures from the rollup; `cobre` false when the agency's timezone is not `timezone`. */
export function mensagensMetricasRollupQuery(scope: MetricasScope, dias: DiasDoPeriodo, timezone: string) {
  return sql`
    with base as materialized (
      select to_char(dia, 'YYYY-MM-DD') as dia, corretor_id, enviadas, retidas, agendadas
      from metricas_mensagens_diarias where ${rollupWhere(scope, dias)})
    select
      ${rollupCovers(scope, timezone)} as cobre,
      coalesce((select json_agg(x order by x.dia) from (
        select dia, ${somas} from base group by dia having ${algumaSoma}) x), '[]') as "porDia",
      coalesce((select json_agg(x order by x."corretorId") from (
        select corretor_id as "corretorId", ${somas} from base group by corretor_id having ${algumaSoma}) x), '[]') as "porCorretor"`;
}

export async function loadMensagensMetricas(
  db: Db,
  scope: MetricasScope,
  periodo: MetricasPeriodo,
): Promise<MensagensMetricasRows> {
  const p = checkPeriodo(periodo);
  const dias = wholeLocalDays(p);
  let [row] = dias
    ? await executeRows<Record<string, unknown>>(db, mensagensMetricasRollupQuery(scope, dias, p.timezone))
    : [];
  if (!row?.cobre) [row] = await executeRows<Record<string, unknown>>(db, mensagensMetricasQuery(scope, p));
  const json = (v: unknown) => (typeof v === "string" ? JSON.parse(v) : v);
  return { porDia: json(row?.porDia) ?? [], porCorretor: json(row?.porCorretor) ?? [] };
}
