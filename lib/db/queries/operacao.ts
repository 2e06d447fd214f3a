// /operacao's figures for one agency (lib/painel/operacao.ts): events per hour, messages per local
// day (sent vs failed), processing latency (evento detected → decided, from the Orquestrador's
// `metadata.decisao.decididoEm`) and errors per minute. Buckets come back empty too (generate_series),
// so a quiet hour is a 0 on the chart rather than a gap. `eventos.data_deteccao` is a timestamp
// without time zone holding UTC, hence the `at time zone 'UTC'`.
import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { executeRows } from "../execute-rows";
import { idSchema } from "./columns";

const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;
const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

export type PorHora = { hora: Date; eventos: number };

/** Events detected per hour over [desde, ate), one row per hour from desde's to ate's (the current one). */
export async function eventosPorHora(db: Db, imobiliariaId: string, desde: Date, ate: Date): Promise<PorHora[]> {
  const rows = await executeRows<{ hora: string | Date; eventos: number | string }>(
    db,
    sql`with horas as (
          select generate_series(date_trunc('hour', ${ts(desde)}), date_trunc('hour', ${ts(ate)}), interval '1 hour') as hora
        ), contagem as (
          select date_trunc('hour', data_deteccao at time zone 'UTC') as hora, count(*) as eventos
          from eventos
          where imobiliaria_id = ${idSchema.parse(imobiliariaId)}
            and data_deteccao >= (date_trunc('hour', ${ts(desde)}) at time zone 'UTC') and data_deteccao < (${ts(ate)} at time zone 'UTC')
          group by 1
        )
        select horas.hora, coalesce(contagem.eventos, 0) as eventos
        from horas left join contagem on contagem.hora = horas.hora
        order by horas.hora`,
  );
  return rows.map((r) => ({ hora: new Date(r.hora), eventos: num(r.eventos) }));
}

export type PorDia = { dia: string; enviadas: number; falhas: number };

/** Messages created per local day over the last `dias` days up to `ate`: sent (or further) vs failed. */
export async function mensagensPorDia(
  db: Db,
  imobiliariaId: string,
  desde: Date,
  ate: Date,
  timezone: string,
): Promise<PorDia[]> {
  const rows = await executeRows<{ dia: string | Date; enviadas: number | string; falhas: number | string }>(
    db,
    sql`with dias as (
          select generate_series((${ts(desde)} at time zone ${timezone})::date, ((${ts(ate)} - interval '1 microsecond') at time zone ${timezone})::date, interval '1 day')::date as dia
        ), contagem as (
          select (criado_em at time zone ${timezone})::date as dia,
                 count(*) filter (where status in ('enviada', 'entregue', 'lida')) as enviadas,
                 count(*) filter (where status = 'falhou') as falhas
          from mensagens
          where imobiliaria_id = ${idSchema.parse(imobiliariaId)} and criado_em >= ${ts(desde)} and criado_em < ${ts(ate)}
          group by 1
        )
        select to_char(dias.dia, 'YYYY-MM-DD') as dia, coalesce(contagem.enviadas, 0) as enviadas, coalesce(contagem.falhas, 0) as falhas
        from dias left join contagem on contagem.dia = dias.dia
        order by dias.dia`,
  );
  return rows.map((r) => ({ dia: String(r.dia), enviadas: num(r.enviadas), falhas: num(r.falhas) }));
}

export type Latencia = { decididos: number; p50Segundos: number | null; p95Segundos: number | null };

/** Detected → decided, for the events detected over [desde, ate) that the Orquestrador decided. */
export async function latenciaProcessamento(db: Db, imobiliariaId: string, desde: Date, ate: Date): Promise<Latencia> {
  const [row] = await executeRows<{
    decididos: number | string;
    p50: number | string | null;
    p95: number | string | null;
  }>(
    db,
    sql`with l as (
          select greatest(0, extract(epoch from ((metadata->'decisao'->>'decididoEm')::timestamptz - (data_deteccao at time zone 'UTC')))) as s
          from eventos
          where imobiliaria_id = ${idSchema.parse(imobiliariaId)}
            and processado is true
            and metadata->'decisao'->>'decididoEm' is not null
            and data_deteccao >= (${ts(desde)} at time zone 'UTC') and data_deteccao < (${ts(ate)} at time zone 'UTC')
        )
        select count(*) as decididos,
               percentile_cont(0.5) within group (order by s) as p50,
               percentile_cont(0.95) within group (order by s) as p95
        from l`,
  );
  const n = num(row?.decididos);
  return {
    decididos: n,
    p50Segundos: n && row?.p50 !== null ? Number(row!.p50) : null,
    p95Segundos: n && row?.p95 !== null ? Number(row!.p95) : null,
  };
}

export type PorMinuto = { minuto: Date; envios: number; entregas: number };

/** Failures per minute over [desde, ate), one row per minute from desde's to ate's: WhatsApp sends that failed, portal deliveries answered 5xx. */
export async function errosPorMinuto(db: Db, imobiliariaId: string, desde: Date, ate: Date): Promise<PorMinuto[]> {
  const id = idSchema.parse(imobiliariaId);
  const rows = await executeRows<{ minuto: string | Date; envios: number | string; entregas: number | string }>(
    db,
    sql`with minutos as (
          select generate_series(date_trunc('minute', ${ts(desde)}), date_trunc('minute', ${ts(ate)}), interval '1 minute') as minuto
        ), envios as (
          select date_trunc('minute', atualizado_em) as minuto, count(*) as n
          from mensagens
          where imobiliaria_id = ${id} and status = 'falhou' and atualizado_em >= date_trunc('minute', ${ts(desde)}) and atualizado_em < ${ts(ate)}
          group by 1
        ), entregas as (
          select date_trunc('minute', recebido_em) as minuto, count(*) as n
          from entregas_webhook
          where imobiliaria_id = ${id} and status_http >= 500 and recebido_em >= date_trunc('minute', ${ts(desde)}) and recebido_em < ${ts(ate)}
          group by 1
        )
        select minutos.minuto, coalesce(envios.n, 0) as envios, coalesce(entregas.n, 0) as entregas
        from minutos
          left join envios on envios.minuto = minutos.minuto
          left join entregas on entregas.minuto = minutos.minuto
        order by minutos.minuto`,
  );
  return rows.map((r) => ({ minuto: new Date(r.minuto), envios: num(r.envios), entregas: num(r.entregas) }));
}
