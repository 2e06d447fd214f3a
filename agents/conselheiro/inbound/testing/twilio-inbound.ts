// Test support for the inbound Twilio webhook: Twilio's own form bodies (lib/whatsapp/fixtures),
// an agency whose broker Paulo owns the fixtures' phone, leads with their event, a dispatch that
// records calls, and a snapshot of every table a reply may touch. Signing is the route's side
// (app/api/webhooks/twilio/testing/signed-twilio-request.ts).
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { asc, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { type Corretor } from "@/lib/db/queries/corretores";
import { insertCorretor } from "@/lib/db/testing/corretores";
import { insertEvento } from "@/lib/db/queries/eventos";
import { insertImobiliaria, type Imobiliaria } from "@/lib/db/queries/imobiliarias";
import type { Lead } from "@/lib/db/queries/leads";
import { insertPortalLead } from "@/lib/db/testing/portal-lead";
import { corretores, leads, roletaEstado } from "@/lib/db/schema";
import { newId } from "@/lib/ids";
import type { Dispatch } from "@/agents/pipeline-events";

/** The broker's phone in the inbound fixtures (the legacy one is the same mobile without the 9). */
export const PAULO_PHONE = "+5511912345678";

/** A fixture body as the params a route parses; `undefined` in overrides removes a field. */
export function twilioForm(name: string, overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const raw = readFileSync(new URL(`../../../../lib/whatsapp/fixtures/${name}.form`, import.meta.url), "utf8").trim();
  const params: Record<string, string | undefined> = { ...Object.fromEntries(new URLSearchParams(raw)), ...overrides };
  return Object.fromEntries(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined));
}

let sidSeq = 0;
/** A fresh MessageSid; inbound ones also set SmsSid/SmsMessageSid as Twilio does. */
export const newSid = () =>
  `SM${randomUUID().replace(/-/g, "").slice(0, 24)}${(++sidSeq).toString(16).padStart(8, "0")}`;
export const withSid = (params: Record<string, string>, sid: string) => ({
  ...params,
  MessageSid: sid,
  SmsSid: sid,
  SmsMessageSid: sid,
});

export type Dispatched = { name: string; data: Record<string, unknown>; idempotencyKey: string };

export function captureDispatch(): { dispatch: Dispatch; calls: Dispatched[] } {
  const calls: Dispatched[] = [];
  const dispatch: Dispatch = async (name, data, idempotencyKey) => {
    calls.push({ name, data: data as Record<string, unknown>, idempotencyKey });
  };
  return { dispatch, calls };
}

export type InboundScene = { agency: Imobiliaria; paulo: Corretor; bruna: Corretor; carla: Corretor };

let phoneSeq = 0;
const colleaguePhone = () => `+5511970${String(++phoneSeq).padStart(6, "0")}`;
const ALWAYS_ON = { horario: { inicio: "00:00", fim: "23:59" }, dias: [0, 1, 2, 3, 4, 5, 6] };

/** An agency (roleta) with Paulo (the fixtures' phone) and two colleagues, on duty around the clock. */
export async function createInboundScene(
  db: Db,
  opts: { pauloPhone?: string; soPaulo?: boolean } = {},
): Promise<InboundScene> {
  const agency = await insertImobiliaria(db, {
    slug: `wa-${randomUUID().slice(0, 8)}`,
    nome: "Imobiliária Centro",
    uf: "SP",
  });
  const broker = (nome: string, telefone: string) =>
    insertCorretor(db, { imobiliariaId: agency.id, nome, telefone, preferencias: ALWAYS_ON });
  const paulo = await broker("Paulo Corretor", opts.pauloPhone ?? PAULO_PHONE);
  if (opts.soPaulo) return { agency, paulo, bruna: paulo, carla: paulo };
  const bruna = await broker("Bruna Alves", colleaguePhone());
  const carla = await broker("Carla Dias", colleaguePhone());
  return { agency, paulo, bruna, carla };
}

/** A lead as the Vigilante leaves it: the row (with its broker) and its processed `novo_lead` event. */
export async function createLead(
  db: Db,
  agency: Imobiliaria,
  corretorId: string,
  spec: { at: Date; score?: number; nome?: string },
): Promise<Lead> {
  const lead = await insertPortalLead(db, {
    id: newId("lead", spec.at.getTime()),
    imobiliariaId: agency.id,
    corretorId,
    nome: spec.nome ?? "Mariana Souza",
    telefone: "+5511987654321",
    origem: "zap",
    dataPrimeiroContato: spec.at,
    dataUltimaInteracao: spec.at,
    score: spec.score ?? 82,
    status: "novo",
  });
  await insertEvento(db, {
    imobiliariaId: agency.id,
    tipo: "novo_lead",
    urgencia: "alta",
    corretorId,
    leadId: lead.id,
    titulo: `Novo lead: ${lead.nome}`,
    descricao: "teste",
    acaoRecomendada: "teste",
    dataDeteccao: spec.at,
  });
  return lead;
}

const count = async (db: Db, table: string) => {
  const result = (await db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as {
    rows: { n: number }[];
  };
  return Number(result.rows[0]?.n ?? 0);
};

/** Everything a broker reply may change, to compare before and after a request that must change nothing. */
export async function snapshotTables(db: Db) {
  return {
    mensagens: await count(db, "mensagens"),
    interacoes: await count(db, "interacoes"),
    eventos: await count(db, "eventos"),
    leads: await db
      .select({ id: leads.id, status: leads.status, corretorId: leads.corretorId })
      .from(leads)
      .orderBy(asc(leads.id)),
    corretores: await db
      .select({ id: corretores.id, metadata: corretores.metadata, preferencias: corretores.preferencias })
      .from(corretores)
      .orderBy(asc(corretores.id)),
    roleta: await db.select().from(roletaEstado),
  };
}
