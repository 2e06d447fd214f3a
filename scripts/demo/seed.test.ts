import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import { asc, count, eq, sql, type InferSelectModel } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractBusca } from "@/agents/vigilante/extract-busca";
import { scoreLead, type ScoreFactor } from "@/agents/vigilante/score-lead";
import { decryptSecret } from "@/lib/crypto/secrets";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import * as schema from "@/lib/db/schema";
import { normalizePhoneBR } from "@/lib/phone/normalize-phone";
import { parsePortalPayload, type PortalSlug } from "@/lib/portals";
import { DEMO_INTEGRACOES, DEMO_LOGINS } from "./demo-accounts";
import {
  hasAnyAgency,
  resetDemoData,
  SEED_PHASES,
  seedDemo,
  seedDemoIfEmpty,
  type SeedProgress,
  type SeedSummary,
} from "./seed";

const {
  corretores,
  imobiliarias,
  imoveis,
  integracoes,
  leads,
  mensagens,
  usuarios,
  interacoes,
  eventos,
  entregasWebhook,
} = schema;

const NOW = new Date("2026-03-10T14:30:00.000Z");
const DAY = 24 * 60 * 60 * 1000;
const KEY = randomBytes(32);
const E164_BR = /^\+55\d{10,11}$/; // +55 then 12–13 digits in all

let first: TestDb;
let second: TestDb;
let summary: SeedSummary;
const progress: SeedProgress[] = [];

beforeAll(async () => {
  [first, second] = await Promise.all([createTestDb(), createTestDb()]);
  summary = await seedDemo(first, { now: NOW, encryptionKey: KEY, onProgress: (p) => progress.push(p) });
});
afterAll(async () => {
  await Promise.all([first?.cleanup(), second?.cleanup()]);
});

async function countOf(db: TestDb, table: PgTable): Promise<number> {
  const [row] = await db.db.select({ n: count() }).from(table);
  return row!.n;
}

describe("seedDemo (default data set)", () => {
  it("creates the documented agency, brokers, listings, leads, users and integrations", async () => {
    expect(await countOf(first, imobiliarias)).toBe(1);
    expect(await countOf(first, corretores)).toBe(8);
    expect(await countOf(first, imoveis)).toBe(60);
    expect(await countOf(first, leads)).toBe(400);
    expect(await countOf(first, usuarios)).toBe(3);
    expect(await countOf(first, integracoes)).toBe(4);
    const [agency] = await first.db.select().from(imobiliarias);
    expect(agency).toMatchObject({
      nome: "Imobiliária Horizonte",
      slug: "horizonte",
      cidade: "São Paulo",
      uf: "SP",
      timezone: "America/Sao_Paulo",
    });
    expect(agency!.configuracoes.roteamento).toBe("roleta");
    expect(summary.counts).toMatchObject({
      imobiliarias: 1,
      corretores: 8,
      imoveis: 60,
      leads: 400,
      usuarios: 3,
      integracoes: 4,
    });
  });

  it("reports counts that match the tables and progress up to the total", async () => {
    expect(summary.counts.interacoes).toBe(await countOf(first, interacoes));
    expect(summary.counts.eventos).toBe(await countOf(first, eventos));
    expect(summary.counts.mensagens).toBe(await countOf(first, mensagens));
    expect(summary.counts.entregasWebhook).toBe(await countOf(first, entregasWebhook));
    // 2–4 interactions per lead on average, at least one event per lead.
    expect(summary.counts.interacoes / 400).toBeGreaterThanOrEqual(2);
    expect(summary.counts.interacoes / 400).toBeLessThanOrEqual(4);
    expect(summary.counts.eventos).toBeGreaterThanOrEqual(400);
    // Every phase reports its start and its end, in order, so a bar never sits full while work goes on.
    const phases = Object.keys(SEED_PHASES);
    expect([...new Set(progress.map((p) => p.fase))]).toEqual(phases);
    for (const fase of phases) {
      const own = progress.filter((p) => p.fase === fase);
      expect(own[0]!.done).toBe(0);
      expect(own.at(-1)!.done).toBe(own.at(-1)!.total);
    }
    expect(progress.filter((p) => p.fase === "leads").at(-1)).toEqual({ fase: "leads", done: 400, total: 400 });
    expect(summary.fases.map((f) => f.fase)).toEqual(phases);
  });

  it("leaves the planner statistics of what it loaded, so plans do not assume empty tables", async () => {
    // reltuples is -1 until a table is analyzed; Postgres with autovacuum off (as in CI) never would.
    const result = (await first.db.execute(
      sql`select relname, reltuples::int as n from pg_class where relname in ('leads', 'eventos', 'interacoes') order by relname`,
    )) as unknown as { rows: { relname: string; n: number }[] };
    expect(result.rows).toEqual([
      { relname: "eventos", n: summary.counts.eventos },
      { relname: "interacoes", n: summary.counts.interacoes },
      { relname: "leads", n: 400 },
    ]);
  });

  it("dates every lead within the 60 days before now", async () => {
    const rows = await first.db.select({ at: leads.dataPrimeiroContato, last: leads.dataUltimaInteracao }).from(leads);
    for (const r of rows) {
      expect(r.at!.getTime()).toBeGreaterThanOrEqual(NOW.getTime() - 60 * DAY);
      expect(r.at!.getTime()).toBeLessThanOrEqual(NOW.getTime());
      expect(r.last!.getTime()).toBeGreaterThanOrEqual(r.at!.getTime());
      expect(r.last!.getTime()).toBeLessThanOrEqual(NOW.getTime());
    }
  });

  it("writes every phone in E.164 (+55, 12–13 digits)", async () => {
    const phones = [
      ...(await first.db.select({ p: leads.telefone }).from(leads)),
      ...(await first.db.select({ p: corretores.telefone }).from(corretores)),
      ...(await first.db.select({ p: mensagens.destino }).from(mensagens)),
    ].map((r) => r.p);
    expect(phones.length).toBeGreaterThan(408);
    expect(phones.filter((p) => !E164_BR.test(p))).toEqual([]);
  });

  it("scores every lead with the Vigilante's scorer, in the intake's metadata format", async () => {
    type Meta = {
      score: { total: number; fatores: ScoreFactor[]; calculadoEm: string };
      consultas: number;
      portal: string;
      externalId: string;
      entregaId: string;
      telefoneValido: boolean;
      ultimaConsulta?: { entregaId: string; externalId: string };
    };
    const rows = await first.db.select().from(leads);
    const deliveries = new Map((await first.db.select().from(entregasWebhook)).map((e) => [e.id, e]));
    expect(rows).toHaveLength(400);
    for (const lead of rows) {
      const meta = lead.metadata as Meta;
      expect(meta).not.toHaveProperty("fatoresScore");
      expect(meta.score.total).toBe(lead.score);
      expect(meta.score.fatores.reduce((sum, f) => sum + f.points, 0)).toBe(lead.score);
      for (const f of meta.score.fatores) expect(f.explicacao).toMatch(/: [+−]\d+$/);
      expect(new Date(meta.score.calculadoEm).getTime()).toBeGreaterThanOrEqual(lead.dataPrimeiroContato!.getTime());
      expect(meta.telefoneValido).toBe(true);
      // The seeder skips re-parsing its own phones for speed; this keeps that shortcut honest.
      expect(normalizePhoneBR(lead.telefone)).toMatchObject({ valid: true, mobile: true, e164: lead.telefone });
      const entrega = deliveries.get(meta.entregaId);
      expect(entrega).toMatchObject({
        leadId: lead.id,
        portal: meta.portal,
        externalId: meta.externalId,
        resultado: "aceita",
      });
      expect(meta.consultas).toBe(meta.ultimaConsulta ? 2 : 1);
      if (meta.ultimaConsulta) expect(deliveries.get(meta.ultimaConsulta.entregaId)?.leadId).toBe(lead.id);
    }
    const scores = rows.map((r) => r.score!).sort((a, b) => a - b);
    expect(scores[0]).toBeLessThan(35);
    expect(scores.at(-1)).toBeGreaterThanOrEqual(85);
    expect(scores[200]).toBeGreaterThanOrEqual(40);
    expect(scores[200]).toBeLessThanOrEqual(65);
  });

  it("stores what the real intake would make of each stored delivery body: same score, factors and busca", async () => {
    const listings = new Map((await first.db.select().from(imoveis)).map((l) => [l.id, l]));
    const bodies = new Map(
      (await first.db.select().from(entregasWebhook)).filter((e) => e.corpo !== null).map((e) => [e.id, e]),
    );
    let checked = 0;
    for (const lead of await first.db.select().from(leads)) {
      const meta = lead.metadata as {
        entregaId: string;
        consultas: number;
        score: { total: number; fatores: ScoreFactor[] };
      };
      const entrega = bodies.get(meta.entregaId);
      if (!entrega) continue; // older than the 30-day body retention
      const parsed = parsePortalPayload(entrega.portal as PortalSlug, entrega.corpo);
      const imovel = listings.get(lead.imovelId!)!;
      const real = scoreLead({ lead: parsed, earlierInquiries: meta.consultas - 1, listingPrice: imovel.preco });
      expect({ total: real.score, fatores: real.factors }).toEqual({
        total: meta.score.total,
        fatores: meta.score.fatores,
      });
      expect(extractBusca(parsed, imovel)).toEqual(lead.busca);
      checked++;
    }
    expect(checked).toBeGreaterThan(150);
  });

  it("has the two listings the portal fixtures deliver leads for", async () => {
    const rows = await first.db.select().from(imoveis);
    const byCode = new Map(rows.map((r) => [r.codigo, r]));
    expect(byCode.get("AP0142-LST")).toMatchObject({ tipo: "Apartamento", finalidade: "venda" });
    expect(byCode.get("CA0077-LST")).toMatchObject({ tipo: "Casa", finalidade: "aluguel" });
    expect(rows.every((r) => /^[A-Z]{2}\d{4}-LST$/.test(r.codigo))).toBe(true);
  });

  it("stores integration secrets encrypted, decrypting to the documented demo values", async () => {
    const rows = await first.db.select().from(integracoes);
    expect(rows.map((r) => r.portal).sort()).toEqual(["chaves-na-mao", "generico", "grupo-olx", "imovelweb"]);
    for (const doc of DEMO_INTEGRACOES) {
      const row = rows.find((r) => r.portal === doc.portal)!;
      expect(JSON.stringify(row)).not.toContain(doc.segredo);
      expect(decryptSecret(row.segredoCifrado, KEY)).toBe(doc.segredo);
      expect(row.identificador).toBe(doc.identificador);
    }
    expect(rows.find((r) => r.portal === "chaves-na-mao")!.identificador).toBe("integracao@horizonte.demo");
  });

  it("creates the three logins with bcrypt (cost 10) hashes of the documented passwords", async () => {
    const rows = await first.db.select().from(usuarios);
    for (const login of DEMO_LOGINS) {
      const row = rows.find((r) => r.email === login.email)!;
      expect(row.papel).toBe(login.papel);
      expect(bcrypt.getRounds(row.senhaHash)).toBe(10);
      expect(await bcrypt.compare(login.senha, row.senhaHash)).toBe(true);
      expect(await bcrypt.compare(`${login.senha}x`, row.senhaHash)).toBe(false);
    }
    const corretorLogin = rows.find((r) => r.papel === "corretor")!;
    const [broker] = await first.db.select().from(corretores).where(eq(corretores.id, corretorLogin.corretorId!));
    expect(broker!.ativo).toBe(true);
    expect(rows.filter((r) => r.papel !== "corretor").every((r) => r.corretorId === null)).toBe(true);
  });

  it("gives brokers varied preferences: one inactive, one that may break quiet hours", async () => {
    const rows = await first.db.select().from(corretores);
    expect(rows.filter((r) => !r.ativo)).toHaveLength(1);
    expect(rows.filter((r) => r.preferencias!.silencio === "urgente_pode_quebrar")).toHaveLength(1);
    const limits = rows.map((r) => r.preferencias!.limiteDiario);
    expect(Math.min(...limits)).toBeGreaterThanOrEqual(3);
    expect(Math.max(...limits)).toBeLessThanOrEqual(10);
    expect(rows.every((r) => r.imobiliaria === "Imobiliária Horizonte" && (r.atuacao?.bairros?.length ?? 0) > 0)).toBe(
      true,
    );
  });
});

describe("seedDemoIfEmpty and determinism", () => {
  it("seeds an empty database once, then leaves it alone", async () => {
    expect(await hasAnyAgency(second.db)).toBe(false);
    expect(await seedDemoIfEmpty(second, { now: NOW, encryptionKey: KEY })).toBe(true);
    expect(await seedDemoIfEmpty(second, { now: NOW, encryptionKey: KEY })).toBe(false);
    expect(await countOf(second, leads)).toBe(400);
  });

  it("gives identical rows for the same seed and now, in another database", async () => {
    const read = (db: TestDb) =>
      Promise.all([
        db.db.select().from(leads).orderBy(asc(leads.id)),
        db.db.select().from(interacoes).orderBy(asc(interacoes.id)),
        db.db.select().from(eventos).orderBy(asc(eventos.id)),
        db.db.select().from(mensagens).orderBy(asc(mensagens.id)),
        db.db.select().from(imoveis).orderBy(asc(imoveis.id)),
        db.db.select({ id: usuarios.id, hash: usuarios.senhaHash }).from(usuarios).orderBy(asc(usuarios.id)),
      ]);
    const [a, b] = await Promise.all([read(first), read(second)]);
    expect(b[0]).toHaveLength(400);
    expect(b).toEqual(a);
  });

  it("only moves the dates when now moves by whole days, and changes the data with another seed", async () => {
    const shifted = await createTestDb();
    try {
      await seedDemo(shifted, { now: new Date(NOW.getTime() + 3 * DAY), encryptionKey: KEY });
      type Entrada = { entrada?: { dataPortal?: string } };
      type Meta = Entrada & {
        entregaId: string;
        score: { calculadoEm: string };
        baseLegal: { em: string };
        ultimaConsulta?: Entrada & { entregaId: string; baseLegal: { em: string } };
      };
      // The portal's own timestamp (metadata.entrada.dataPortal) moves with the dates.
      const shiftEntrada = (m: Entrada, by: number) =>
        m.entrada?.dataPortal ? { entrada: { ...m.entrada, dataPortal: Date.parse(m.entrada.dataPortal) - by } } : {};
      const strip = (rows: InferSelectModel<typeof leads>[], by: number) =>
        rows.map((r) => {
          const meta = r.metadata as Meta;
          return {
            ...r,
            id: r.id.slice(-16),
            corretorId: r.corretorId!.slice(-16),
            imobiliariaId: null,
            imovelId: r.imovelId!.slice(-16),
            dataPrimeiroContato: r.dataPrimeiroContato!.getTime() - by,
            dataUltimaInteracao: r.dataUltimaInteracao!.getTime() - by,
            // Stamped by the interacoes trigger (migration 0013) from the seed's broker responses.
            primeiraRespostaEm: r.primeiraRespostaEm ? r.primeiraRespostaEm.getTime() - by : null,
            metadata: {
              ...meta,
              entregaId: meta.entregaId.slice(-16),
              ...shiftEntrada(meta, by),
              score: { ...meta.score, calculadoEm: Date.parse(meta.score.calculadoEm) - by },
              baseLegal: { ...meta.baseLegal, em: Date.parse(meta.baseLegal.em) - by },
              ...(meta.ultimaConsulta
                ? {
                    ultimaConsulta: {
                      ...meta.ultimaConsulta,
                      entregaId: meta.ultimaConsulta.entregaId.slice(-16),
                      ...shiftEntrada(meta.ultimaConsulta, by),
                      baseLegal: {
                        ...meta.ultimaConsulta.baseLegal,
                        em: Date.parse(meta.ultimaConsulta.baseLegal.em) - by,
                      },
                    },
                  }
                : {}),
            },
          };
        });
      const base = strip(await first.db.select().from(leads).orderBy(asc(leads.id)), 0);
      const moved = strip(await shifted.db.select().from(leads).orderBy(asc(leads.id)), 3 * DAY);
      expect(moved).toEqual(base);

      await resetDemoData(shifted);
      expect(await hasAnyAgency(shifted.db)).toBe(false);
      await seedDemo(shifted, { now: NOW, seed: 7, encryptionKey: KEY, leads: 50 });
      const other = await shifted.db.select().from(leads);
      expect(other).toHaveLength(50);
      expect(other.map((r) => r.telefone)).not.toEqual(base.slice(0, 50).map((r) => r.telefone));
    } finally {
      await shifted.cleanup();
    }
  });
});
