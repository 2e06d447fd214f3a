// The dashboard's WhatsApp figures for a period: messages created each local day that went out, that
// the daily quota held (`retida_cota`) or that wait for the broker's hours (`agendada`); and per broker.
import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { executeRows } from "../execute-rows";
import type { MensagemStatus } from "../schema";
import { idSchema } from "./columns";
import { checkPeriodo, type MetricasPeriodo, type MetricasScope } from "./metricas-leads";

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
      coalesce((select json_agg(x order by x.dia) from (select dia, ${contagens} from base group by dia) x), '[]') as "porDia",
      coalesce((select json_agg(x order by x."corretorId") from (
        select corretor_id as "corretorId", ${contagens} from base group by corretor_id) x), '[]') as "porCorretor"`;
}

export async function loadMensagensMetricas(
  db: Db,
  scope: MetricasScope,
  periodo: MetricasPeriodo,
): Promise<MensagensMetricasRows> {
  const [row] = await executeRows<Record<string, unknown>>(db, mensagensMetricasQuery(scope, periodo));
  const json = (v: unknown) => (typeof v === "string" ? JSON.parse(v) : v);
  return { porDia: json(row?.porDia) ?? [], porCorretor: json(row?.porCorretor) ?? [] };
}
