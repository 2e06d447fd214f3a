// What a scenario left behind, read from Postgres and from the fake Twilio: leads, undecided events,
// messages by status, each broker's quota day, and every message that landed on the fake matched to
// the row that sent it. A landed message no row claims is a second send of something: a duplicate.
import { sql } from "drizzle-orm";
import { quotaDayBounds } from "@/agents/orquestrador/take-quota";
import type { Db } from "@/lib/db/client";
import { executeRows } from "@/lib/db/execute-rows";
import { countMensagensUsingQuota } from "@/lib/db/queries/mensagens-quota";
import type { FakeTwilioServer } from "@/lib/whatsapp/testing/fake-twilio-server";
import type { ScenarioAgency } from "./seed";

export type Ledger = {
  leads: number;
  leadIds: Set<string>;
  eventosPendentes: number;
  mensagens: Record<string, number>;
  /** Rows still `pendente`/`enviando` (what a runner has yet to finish). */
  aEnviar: number;
  enviando: number;
  /** Messages that landed on the fake Twilio for this agency's brokers. */
  landed: number;
  /** Landed messages whose sid no row holds. */
  duplicates: number;
  /** Rows that say they went out whose sid never landed. */
  semEntrega: number;
  /** Brokers whose quota day holds more than their daily limit. */
  cotaExcedida: number;
  maiorDia: number;
  /** Create calls the fake answered for this agency (retries included). */
  creates: number;
};

const SENT = new Set(["enviada", "entregue", "lida"]);

export async function readLedger(db: Db, fake: FakeTwilioServer, agency: ScenarioAgency, now: Date): Promise<Ledger> {
  const id = agency.imobiliariaId;
  const leadRows = await executeRows<{ id: string }>(db, sql`select id from leads where imobiliaria_id = ${id}`);
  const [pend] = await executeRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from eventos where imobiliaria_id = ${id} and processado is not true`,
  );
  const rows = await executeRows<{ status: string; provider_sid: string | null }>(
    db,
    sql`select status, provider_sid from mensagens where imobiliaria_id = ${id}`,
  );
  const mensagens: Record<string, number> = {};
  for (const r of rows) mensagens[r.status] = (mensagens[r.status] ?? 0) + 1;

  const phones = new Set(agency.brokers.map((b) => `whatsapp:${b.telefone}`));
  const landed = fake.messages.filter((m) => phones.has(m.to));
  const sids = new Set(rows.map((r) => r.provider_sid).filter((s): s is string => !!s));
  // One row holds one sid: a second send of a row leaves one of its two landed sids unheld.
  const duplicates = landed.filter((m) => !sids.has(m.sid)).length;
  const landedSids = new Set(landed.map((m) => m.sid));
  const semEntrega = rows.filter(
    (r) => SENT.has(r.status) && (!r.provider_sid || !landedSids.has(r.provider_sid)),
  ).length;

  const { start, end } = quotaDayBounds(now);
  let cotaExcedida = 0;
  let maiorDia = 0;
  for (const b of agency.brokers) {
    const used = await countMensagensUsingQuota(db, b.id, start, end);
    maiorDia = Math.max(maiorDia, used);
    if (used > agency.limiteDiario) cotaExcedida++;
  }
  return {
    leads: leadRows.length,
    leadIds: new Set(leadRows.map((r) => r.id)),
    eventosPendentes: pend!.n,
    mensagens,
    aEnviar: (mensagens.pendente ?? 0) + (mensagens.enviando ?? 0),
    enviando: mensagens.enviando ?? 0,
    landed: landed.length,
    duplicates,
    semEntrega,
    cotaExcedida,
    maiorDia,
    creates: fake.creates.filter((c) => phones.has(c.to)).length,
  };
}

/** Waits until the agency has no undecided event and nothing left to send, or the time runs out. */
export async function untilSettled(
  db: Db,
  fake: FakeTwilioServer,
  agency: ScenarioAgency,
  timeoutMs: number,
): Promise<{ ledger: Ledger; settled: boolean; ms: number }> {
  const started = Date.now();
  for (;;) {
    const ledger = await readLedger(db, fake, agency, new Date());
    if (ledger.eventosPendentes === 0 && ledger.aEnviar === 0)
      return { ledger, settled: true, ms: Date.now() - started };
    if (Date.now() - started > timeoutMs) return { ledger, settled: false, ms: Date.now() - started };
    await new Promise((r) => setTimeout(r, 500));
  }
}
