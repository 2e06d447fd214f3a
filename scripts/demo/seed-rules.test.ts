// The demo data obeys the rules the product enforces (daily quota per broker and São Paulo day,
// held alerts told by the next digest), and the seeder writes the digest links itself, exactly as
// the grouping sweep's backfill would.
import { randomBytes } from "node:crypto";
import { asc, eq, isNotNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quotaDayBounds } from "@/agents/orquestrador/take-quota";
import { retornoKey } from "@/lib/db/queries/evento-context";
import { listEventosAguardandoAgrupamento } from "@/lib/db/queries/eventos";
import { NO_QUOTA_STATUS, QUOTA_TIPOS, listRetidasSemAgrupada } from "@/lib/db/queries/mensagens-quota";
import { markEventosAgrupadosFromDigests, markRetidasAgrupadasFromDigests } from "@/lib/db/testing/digest-links";
import * as schema from "@/lib/db/schema";
import { saoPauloDay } from "@/lib/kv/keys";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { seedDemo } from "./seed";

const { corretores, eventos, mensagens } = schema;
const NOW = new Date("2026-03-10T14:30:00.000Z");
const KEY = randomBytes(32);

let small: TestDb; // the default data set: 400 leads
let busy: TestDb; // enough leads a day that every broker's quota runs out

beforeAll(async () => {
  [small, busy] = await Promise.all([createTestDb(), createTestDb()]);
  await seedDemo(small, { now: NOW, encryptionKey: KEY });
  await seedDemo(busy, { now: NOW, encryptionKey: KEY, leads: 2500, seed: 11 });
}, 120_000);
afterAll(async () => {
  await Promise.all([small?.cleanup(), busy?.cleanup()]);
});

/** Messages that used a quota slot, per broker and São Paulo day, as countMensagensUsingQuota counts them. */
async function quotaUse(db: TestDb) {
  const limits = new Map((await db.db.select().from(corretores)).map((c) => [c.id, c.preferencias!.limiteDiario]));
  const rows = await db.db.select().from(mensagens);
  const used = new Map<string, number>();
  for (const m of rows) {
    if (!QUOTA_TIPOS.includes(m.tipo) || NO_QUOTA_STATUS.includes(m.status)) continue;
    const day = quotaDayBounds(m.scheduledFor ?? m.criadoEm).start.toISOString();
    const key = `${m.corretorId} ${day}`;
    used.set(key, (used.get(key) ?? 0) + 1);
  }
  const over = [...used].filter(([key, n]) => n > limits.get(key.split(" ")[0]!)!);
  const full = [...used].filter(([key, n]) => n === limits.get(key.split(" ")[0]!)!);
  return { over, full, rows };
}

describe("demo data and the daily quota", () => {
  it("never gives a broker more quota-counted messages in a São Paulo day than the limit (400 leads)", async () => {
    const { over, rows } = await quotaUse(small);
    expect(rows.length).toBeGreaterThan(400);
    expect(over).toEqual([]);
  });

  it("holds the alerts beyond the limit (retida_cota) and tells them in the next day's digest", async () => {
    const { over, full, rows } = await quotaUse(busy);
    expect(over).toEqual([]);
    expect(full.length).toBeGreaterThan(100); // the limit was actually reached, day after day
    const held = rows.filter((m) => m.status === "retida_cota");
    expect(held.length).toBeGreaterThan(100);
    expect(held.every((m) => m.tipo === "alerta")).toBe(true);
    const digests = new Map(rows.filter((m) => m.tipo === "agrupada").map((m) => [m.id, m]));
    const told = held.filter((m) => m.mensagemAgrupadaId);
    expect(told.length).toBeGreaterThan(held.length * 0.8);
    for (const m of told) {
      const digest = digests.get(m.mensagemAgrupadaId!)!;
      expect(digest.corretorId).toBe(m.corretorId);
      expect(digest.eventoIds).toContain(m.eventoId);
      // Held on one quota day, told on a later one.
      expect(quotaDayBounds(digest.scheduledFor ?? digest.criadoEm).start.getTime()).toBeGreaterThan(
        quotaDayBounds(m.criadoEm).start.getTime(),
      );
    }
    // The held alert's event says so, as the Orquestrador records it.
    const heldNow = held.filter((m) => !m.scheduledFor);
    const [evento] = await busy.db.select().from(eventos).where(eq(eventos.id, heldNow[0]!.eventoId!));
    expect((evento!.metadata as { decisao: { tipo: string } }).decisao.tipo).toBe("retido");
  });
});

describe("what still waits at `now`", () => {
  it("is what the app's grouping sweep finds: warm events without a digest and held alerts not yet told", async () => {
    const all = await busy.db.select().from(eventos);
    type Meta = { decisao?: { tipo?: string; acao?: string } };
    const warmWaiting = all.filter(
      (e) => (e.metadata as Meta).decisao?.tipo === "agrupar" && e.processado && !e.mensagemAgrupadaId,
    );
    const sweep = await listEventosAguardandoAgrupamento(busy.db);
    expect(sweep.map((e) => e.id).sort()).toEqual(warmWaiting.map((e) => e.id).sort());
    const held = (await busy.db.select().from(mensagens)).filter(
      (m) => m.status === "retida_cota" && !m.mensagemAgrupadaId,
    );
    expect((await listRetidasSemAgrupada(busy.db)).map((m) => m.id).sort()).toEqual(held.map((m) => m.id).sort());
    expect(sweep.length).toBeGreaterThan(0);
    expect(held.length).toBeGreaterThan(0);
  });
});

describe("digest links written by the seeder", () => {
  async function links(db: TestDb) {
    const [ev, msg] = await Promise.all([
      db.db.select({ id: eventos.id, link: eventos.mensagemAgrupadaId }).from(eventos).orderBy(asc(eventos.id)),
      db.db.select({ id: mensagens.id, link: mensagens.mensagemAgrupadaId }).from(mensagens).orderBy(asc(mensagens.id)),
    ]);
    return { ev, msg };
  }

  it("equal what the grouping sweep's backfill writes from the digests", async () => {
    for (const db of [small, busy]) {
      const seeded = await links(db);
      expect(seeded.ev.filter((r) => r.link).length).toBeGreaterThan(20);
      await db.db.execute(sql`update eventos set mensagem_agrupada_id = null`);
      await db.db.execute(sql`update mensagens set mensagem_agrupada_id = null`);
      await markEventosAgrupadosFromDigests(db.db);
      await markRetidasAgrupadasFromDigests(db.db);
      expect(await links(db)).toEqual(seeded);
    }
    const heldLinks = await busy.db
      .select({ id: mensagens.id })
      .from(mensagens)
      .where(isNotNull(mensagens.mensagemAgrupadaId));
    expect(heldLinks.length).toBeGreaterThan(100);
  });
});

describe("repeat inquiries in the demo (decide-repeat.ts's rule)", () => {
  type Decisao = { acao?: string; motivo?: string };
  async function repeats(db: TestDb) {
    const [evs, msgs, ls] = await Promise.all([
      db.db.select().from(eventos),
      db.db.select().from(mensagens),
      db.db.select().from(schema.leads),
    ]);
    const nomes = new Map(ls.map((l) => [l.id, l.nome]));
    const digests = new Map(msgs.filter((m) => m.tipo === "agrupada").map((m) => [m.id, m]));
    const eventoById = new Map(evs.map((e) => [e.id, e]));
    const retornoEvs = evs.filter((e) => e.tipo === "lead_retorno" && e.processado);
    const alertaDoEvento = new Map(msgs.filter((m) => m.tipo === "alerta" && m.eventoId).map((m) => [m.eventoId!, m]));
    return { evs, msgs, nomes, digests, eventoById, retornoEvs, alertaDoEvento };
  }

  it('sends at most one "voltou a perguntar" per lead, broker and São Paulo day, under its retorno key and the Conselheiro\'s title', async () => {
    for (const db of [small, busy]) {
      const { msgs, nomes, retornoEvs, alertaDoEvento } = await repeats(db);
      const voltou = msgs.filter((m) => m.corpo.includes("voltou a perguntar"));
      expect(voltou.length).toBeGreaterThan(0);
      const perDay = new Map<string, number>();
      for (const m of voltou) {
        const dia = saoPauloDay(m.scheduledFor ?? m.criadoEm);
        expect(m.idempotencyKey).toBe(retornoKey(m.leadId!, m.corretorId!, dia));
        expect(m.corpo.startsWith(`🔁 *${nomes.get(m.leadId!)} voltou a perguntar*`)).toBe(true);
        const key = `${m.leadId} ${m.corretorId} ${dia}`;
        perDay.set(key, (perDay.get(key) ?? 0) + 1);
      }
      expect([...perDay].filter(([, n]) => n > 1)).toEqual([]);
      // Every repeat's alert is one of those; none says "voltou a procurar" any more.
      for (const e of retornoEvs) {
        const m = alertaDoEvento.get(e.id);
        if (m) expect(voltou).toContain(m);
      }
      expect(msgs.filter((m) => m.corpo.includes("voltou a procurar"))).toEqual([]);
    }
  });

  it("sends no repeat alert while the lead's earlier alert, held alert or digest line still waits", async () => {
    for (const db of [small, busy]) {
      const { evs, msgs, digests, eventoById, retornoEvs, alertaDoEvento } = await repeats(db);
      const waitingAt = (leadId: string, corretorId: string, t: number, except: string) => {
        const alertas = msgs.filter(
          (m) =>
            m.tipo === "alerta" &&
            m.leadId === leadId &&
            m.corretorId === corretorId &&
            m.eventoId !== except &&
            eventoById.get(m.eventoId!)!.dataDeteccao!.getTime() < t,
        );
        const alertWaits = alertas.some((m) => {
          if (m.status === "retida_cota")
            return !m.mensagemAgrupadaId || digests.get(m.mensagemAgrupadaId)!.criadoEm.getTime() > t;
          // Sent, or failed for good (when it was last updated): no longer waiting from then on.
          return m.status === "agendada" || (m.sentAt ?? m.atualizadoEm!).getTime() > t;
        });
        const grouped = evs.filter(
          (e) =>
            e.leadId === leadId &&
            e.id !== except &&
            e.dataDeteccao!.getTime() < t &&
            (e.metadata as { decisao?: Decisao }).decisao?.acao === "agrupar",
        );
        return (
          alertWaits ||
          grouped.some((e) => !e.mensagemAgrupadaId || digests.get(e.mensagemAgrupadaId)!.criadoEm.getTime() > t)
        );
      };
      let sent = 0;
      for (const e of retornoEvs) {
        if (!alertaDoEvento.has(e.id)) continue;
        sent++;
        expect(waitingAt(e.leadId!, e.corretorId!, e.dataDeteccao!.getTime(), e.id), e.id).toBe(false);
      }
      expect(sent).toBeGreaterThan(0);
    }
  });

  it("decides a repeat without a message `repetida` with a motivo, and gives it no message", async () => {
    const { msgs, retornoEvs, alertaDoEvento } = await repeats(busy);
    const semMensagem = retornoEvs.filter((e) => !alertaDoEvento.has(e.id));
    expect(semMensagem.length).toBeGreaterThan(0);
    for (const e of semMensagem) {
      const decisao = (e.metadata as { decisao?: Decisao }).decisao;
      expect(decisao?.acao).toBe("repetida");
      expect(["aguardando_envio", "ja_avisado_hoje"]).toContain(decisao?.motivo);
      expect(msgs.filter((m) => m.eventoId === e.id || m.eventoIds.includes(e.id))).toEqual([]);
    }
    // And a repeat with a message was not recorded `repetida`.
    for (const e of retornoEvs.filter((r) => alertaDoEvento.has(r.id))) {
      expect((e.metadata as { decisao?: Decisao }).decisao?.acao).not.toBe("repetida");
    }
  });
});
