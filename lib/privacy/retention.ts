// LGPD retention, once per local day per agency (the pipeline's sweep calls it; a marker in the audit
// trail says "done today", and this process remembers it): raw portal delivery bodies after 30 days; the personal data of leads with
// no activity for the agency's `retencaoMeses` (default 24), and the bodies of digests and summaries as
// old; expired login-limit counters. Rows stay, so the metrics keep their counts. Each run writes an
// `auditoria` row ("Sistema") with what it did.
import type { Db } from "@/lib/db/client";
import { hasAuditoriaDesde, insertAuditoriaDoSistema } from "@/lib/db/queries/auditoria";
import { listImobiliarias } from "@/lib/db/queries/imobiliarias";
import {
  anonymizeLeads,
  clearDeliveryBodies,
  clearOldMessagesWithoutLead,
  deleteExpiredLoginLimits,
  listLeadsToAnonymize,
} from "@/lib/db/queries/retencao";
import { localDayOf, localDayRange } from "@/lib/time/local-day";

export const RETENCAO_ENTREGAS_DIAS = 30;
export const RETENCAO_ACAO = "retencao.executada";
const DAY_MS = 24 * 60 * 60_000;

export type RetentionDeps = { db: Db; now: () => Date };
export type RetentionOptions = {
  /** Rows per statement; a run keeps going until a batch comes back short or `maxBatches` is reached. */
  batch?: number;
  maxBatches?: number;
};
export type AgencyRetention = {
  imobiliariaId: string;
  corposEntrega: number;
  leads: number;
  mensagens: number;
};

function monthsBefore(at: Date, months: number): Date {
  const d = new Date(at.getTime());
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

async function drain(step: () => Promise<number>, batch: number, maxBatches: number): Promise<number> {
  let total = 0;
  for (let i = 0; i < maxBatches; i++) {
    const n = await step();
    total += n;
    if (n < batch) break;
  }
  return total;
}

// The sweep calls applyRetention every 30 s (the runner's timer): once every agency is done for its
// local day, this process remembers it and the day's later sweeps read nothing. Keyed by the Db
// handle, so two test databases never share it. An agency created later in the day gets its first
// run at the next local midnight, when its leads are hours old anyway.
type DiaFeito = { timezone: string; dia: string };
const feitosPorDb = new WeakMap<Db, Map<string, DiaFeito>>();

const feitoHoje = (feito: DiaFeito, now: Date) => localDayOf(now, feito.timezone) === feito.dia;

/** Runs retention for every agency that has not had it today (its local day); returns what each run did. */
export async function applyRetention(
  deps: RetentionDeps,
  { batch = 500, maxBatches = 40 }: RetentionOptions = {},
): Promise<AgencyRetention[]> {
  const now = deps.now();
  let feitos = feitosPorDb.get(deps.db);
  if (!feitos) feitosPorDb.set(deps.db, (feitos = new Map()));
  if (feitos.size > 0 && [...feitos.values()].every((f) => feitoHoje(f, now))) return [];
  const runs: AgencyRetention[] = [];
  for (const imobiliaria of await listImobiliarias(deps.db)) {
    const feito = feitos.get(imobiliaria.id);
    if (feito?.timezone === imobiliaria.timezone && feitoHoje(feito, now)) continue;
    const hoje = { timezone: imobiliaria.timezone, dia: localDayOf(now, imobiliaria.timezone) };
    const today = localDayRange(hoje.dia, imobiliaria.timezone);
    if (today && (await hasAuditoriaDesde(deps.db, imobiliaria.id, RETENCAO_ACAO, today.start))) {
      feitos.set(imobiliaria.id, hoje); // another process did it today, or this one before a restart
      continue;
    }
    const meses = imobiliaria.configuracoes.retencaoMeses;
    const entregasAntes = new Date(now.getTime() - RETENCAO_ENTREGAS_DIAS * DAY_MS);
    const operacionalAntes = monthsBefore(now, meses);

    const corposEntrega = await drain(
      () => clearDeliveryBodies(deps.db, imobiliaria.id, entregasAntes, batch),
      batch,
      maxBatches,
    );
    let leads = 0;
    let mensagens = 0;
    for (let i = 0; i < maxBatches; i++) {
      const alvo = await listLeadsToAnonymize(deps.db, imobiliaria.id, operacionalAntes, batch);
      if (alvo.length === 0) break;
      const feito = await anonymizeLeads(deps.db, imobiliaria.id, alvo, { em: now, motivo: "retencao" });
      leads += feito.leads;
      mensagens += feito.mensagens;
      if (alvo.length < batch) break;
    }
    mensagens += await drain(
      () => clearOldMessagesWithoutLead(deps.db, imobiliaria.id, operacionalAntes, batch),
      batch,
      maxBatches,
    );
    await insertAuditoriaDoSistema(deps.db, {
      imobiliariaId: imobiliaria.id,
      acao: RETENCAO_ACAO,
      alvoTipo: "imobiliaria",
      alvoId: imobiliaria.id,
      detalhes: { entregasDias: RETENCAO_ENTREGAS_DIAS, meses, corposEntrega, leads, mensagens },
      criadoEm: now,
    });
    feitos.set(imobiliaria.id, hoje);
    runs.push({ imobiliariaId: imobiliaria.id, corposEntrega, leads, mensagens });
  }
  if (runs.length > 0) await deleteExpiredLoginLimits(deps.db, now);
  return runs;
}
