// Reads what the pipeline benchmark left in the database and on the fake Twilio: outcomes per
// decision and message status, and each hot lead's latency from webhook call to Twilio create.
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import type { CreateCall } from "@/lib/whatsapp/testing/fake-twilio-server";
import type { PostedLead } from "./pipeline-leads";

export type PipelineResults = {
  posted: number;
  accepted: number;
  wallMs: number;
  postMs: number;
  decisoes: Record<string, number>;
  mensagens: Record<string, number>;
  /** Who wrote the sent messages: "modelo", or the template's reason ("tempo_esgotado"…). */
  escrita: Record<string, number>;
  creates: number;
  /** ms from the webhook call's start to the fake Twilio's create, per hot lead whose alert went out. */
  hotLatencies: number[];
  /**
   * The same latency in three parts, each sorted on its own: the webhook's answer, the wait until the
   * Orquestrador's decision wrote the alert row, and from that row to the fake Twilio's create.
   */
  hotStages: { resposta: number[]; decisao: number[]; envio: number[] };
  hotLeads: number;
  peakRss: number;
  /** CPU time (user + system) of this process from first post to settled, in ms. */
  cpuMs: number;
  /** The worker process, when the pipeline ran in one. */
  worker: { cpuMs: number; peakRss: number } | null;
};

type Rows<T> = { rows: T[] };

/** Undecided events, and messages a runner has yet to send (or is sending). */
export async function countPending(db: Db): Promise<{ eventos: number; mensagens: number }> {
  const res = (await db.execute(sql`
    select (select count(*)::int from eventos where processado is not true) as eventos,
           (select count(*)::int from mensagens where status in ('pendente', 'enviando')) as mensagens`)) as unknown as Rows<{
    eventos: number;
    mensagens: number;
  }>;
  return res.rows[0]!;
}

async function countBy(db: Db, query: ReturnType<typeof sql>): Promise<Record<string, number>> {
  const res = (await db.execute(query)) as unknown as Rows<{ chave: string | null; n: number }>;
  return Object.fromEntries(res.rows.map((r) => [r.chave ?? "sem decisão", r.n]));
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function readResults(
  db: Db,
  creates: CreateCall[],
  run: {
    posted: PostedLead[];
    startedAt: number;
    postedAt: number;
    settledAt: number;
    peakRss: number;
    cpuMs: number;
    worker: { cpuMs: number; peakRss: number } | null;
  },
): Promise<PipelineResults> {
  const decisoes = await countBy(
    db,
    sql`
    select concat_ws('/', metadata->'decisao'->>'acao', metadata->'decisao'->>'cota') as chave, count(*)::int as n
    from eventos group by 1`,
  );
  const mensagens = await countBy(
    db,
    sql`select tipo || '/' || status as chave, count(*)::int as n from mensagens group by 1`,
  );
  const escrita = await countBy(
    db,
    sql`select case when escrita_por like 'modelo:%' then 'modelo' else coalesce(escrita_motivo, 'sem modelo') end as chave,
          count(*)::int as n from mensagens where provider_sid is not null group by 1`,
  );
  const sent = (await db.execute(sql`
    select lead_id as "leadId", provider_sid as sid, (extract(epoch from criado_em) * 1000)::float8 as "criadoEm"
    from mensagens where tipo = 'alerta' and provider_sid is not null`)) as unknown as Rows<{
    leadId: string;
    sid: string;
    criadoEm: number;
  }>;

  const createdAt = new Map(creates.filter((c) => c.sid).map((c) => [c.sid!, c.receivedAt]));
  const hot = new Map(run.posted.filter((p) => p.kind === "quente").map((p) => [p.leadId, p]));
  const hotLatencies: number[] = [];
  const hotStages: PipelineResults["hotStages"] = { resposta: [], decisao: [], envio: [] };
  for (const row of sent.rows) {
    const post = hot.get(row.leadId);
    const at = createdAt.get(row.sid);
    if (post === undefined || at === undefined) continue;
    hotLatencies.push(at - post.startedAt);
    hotStages.resposta.push(post.answeredAt - post.startedAt);
    hotStages.decisao.push(Number(row.criadoEm) - post.answeredAt);
    hotStages.envio.push(at - Number(row.criadoEm));
  }
  for (const list of [hotLatencies, ...Object.values(hotStages)]) list.sort((a, b) => a - b);

  return {
    posted: run.posted.length,
    accepted: run.posted.filter((p) => p.status === 201).length,
    wallMs: run.settledAt - run.startedAt,
    postMs: run.postedAt - run.startedAt,
    decisoes,
    mensagens,
    escrita,
    creates: creates.length,
    hotLatencies,
    hotStages,
    hotLeads: hot.size,
    peakRss: run.peakRss,
    cpuMs: run.cpuMs,
    worker: run.worker,
  };
}
