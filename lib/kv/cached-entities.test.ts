import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { getCorretorById, insertCorretor, updatePreferencias } from "@/lib/db/queries/corretores";
import { insertImobiliaria } from "@/lib/db/queries/imobiliarias";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { getCachedCorretor, getCachedLead, invalidateCorretor, invalidateLead } from "./cached-entities";
import { createKv } from "./index";
import { kvKeys } from "./keys";
import type { Kv } from "./types";

let testDb: TestDb;
let kv: Kv;
let imobA: string;
let imobB: string;
let corretorId: string;

beforeAll(async () => {
  testDb = await createTestDb();
  kv = env.kv.redisUrl ? createKv({ driver: "redis", redisUrl: env.kv.redisUrl }) : createKv({ driver: "memory" });
  const suffix = Math.random().toString(36).slice(2, 8);
  imobA = (await insertImobiliaria(testDb.db, { slug: `imob-a-${suffix}`, nome: "Imob A" })).id;
  imobB = (await insertImobiliaria(testDb.db, { slug: `imob-b-${suffix}`, nome: "Imob B" })).id;
  const corretor = await insertCorretor(testDb.db, {
    imobiliariaId: imobA,
    nome: "Ana Souza",
    telefone: "+5511999990000",
    preferencias: { limiteDiario: 5 },
  });
  corretorId = corretor.id;
});

afterAll(async () => {
  await kv?.del(kvKeys.corretor(corretorId).key);
  await kv?.close();
  await testDb?.cleanup();
});

describe(`getCachedCorretor (${env.kv.redisUrl ? "redis" : "memory"})`, () => {
  it("serves the row from cache until invalidated", async () => {
    const fromDb = await getCorretorById(testDb.db, imobA, corretorId);
    const first = await getCachedCorretor(kv, testDb.db, imobA, corretorId);
    expect(first).toEqual(fromDb);
    expect(first?.dataCadastro).toBeInstanceOf(Date);
    expect(await kv.ttl(kvKeys.corretor(corretorId).key)).toBeGreaterThan(3500);

    await updatePreferencias(testDb.db, imobA, corretorId, { limiteDiario: 9 });
    expect((await getCachedCorretor(kv, testDb.db, imobA, corretorId))?.preferencias.limiteDiario).toBe(5);

    expect(await invalidateCorretor(kv, corretorId)).toBe(true);
    expect((await getCachedCorretor(kv, testDb.db, imobA, corretorId))?.preferencias.limiteDiario).toBe(9);
  });

  it("never hands a cached broker to another agency", async () => {
    expect(await getCachedCorretor(kv, testDb.db, imobA, corretorId)).not.toBeNull();
    expect(await getCachedCorretor(kv, testDb.db, imobB, corretorId)).toBeNull();
  });

  it("reloads a cached value of an older shape", async () => {
    const { key, ttlSeconds } = kvKeys.corretor(corretorId);
    await kv.set(key, JSON.stringify({ id: corretorId, nome: "Ana" }), ttlSeconds);
    const corretor = await getCachedCorretor(kv, testDb.db, imobA, corretorId);
    expect(corretor?.telefone).toBe("+5511999990000");
    expect(corretor?.preferencias.horario).toEqual({ inicio: "08:00", fim: "20:00" });
  });
});

describe(`getCachedLead (${env.kv.redisUrl ? "redis" : "memory"})`, () => {
  it("serves the lead from cache (2 h TTL), scoped to its agency, until invalidated", async () => {
    const { insertLead } = await import("@/lib/db/queries/leads");
    const { leads } = await import("@/lib/db/schema");
    const { eq } = await import("drizzle-orm");
    const lead = await insertLead(testDb.db, { imobiliariaId: imobA, nome: "Bruno Dias", telefone: "+5511988887777", score: 40 });
    try {
      const first = await getCachedLead(kv, testDb.db, imobA, lead.id);
      expect(first?.score).toBe(40);
      expect(first?.dataPrimeiroContato).toBeInstanceOf(Date);
      const ttl = await kv.ttl(kvKeys.lead(lead.id).key);
      expect(ttl).toBeGreaterThan(7000);
      expect(ttl).toBeLessThanOrEqual(7200);
      await testDb.db.update(leads).set({ score: 90 }).where(eq(leads.id, lead.id));
      expect((await getCachedLead(kv, testDb.db, imobA, lead.id))?.score).toBe(40);
      expect(await getCachedLead(kv, testDb.db, imobB, lead.id)).toBeNull();
      await invalidateLead(kv, lead.id);
      expect((await getCachedLead(kv, testDb.db, imobA, lead.id))?.score).toBe(90);
    } finally {
      await kv.del(kvKeys.lead(lead.id).key);
    }
  });
});
