// Real database (PGlite, or Postgres with DATABASE_URL); the clock and the KV are the test's; nothing
// is sent (the admins' messages stay pending rows).
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { insertImobiliaria } from "@/lib/db/queries/imobiliarias";
import { insertUsuario } from "@/lib/db/queries/usuarios";
import { eventos, incidentes, mensagens, usuarios } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { newId } from "@/lib/ids";
import { watchOperacao, type WatchOperacaoDeps } from "./watch-operacao";

const HASH = "$2a$04$" + "a".repeat(53);
let t: TestDb;
let imobiliariaId: string;
let clock = new Date("2026-12-05T12:00:00Z");
const at = (iso: string) => {
  clock = new Date(iso);
};
const redisOk = { driver: "redis" as const, ping: async () => {} };
const redisFora = { driver: "redis" as const, ping: () => Promise.reject(new Error("ECONNREFUSED")) };
const deps = (kv: WatchOperacaoDeps["kv"] = redisOk): WatchOperacaoDeps => ({ db: t.db, kv, now: () => clock });

const alertas = () =>
  t.db
    .select()
    .from(mensagens)
    .where(and(eq(mensagens.imobiliariaId, imobiliariaId), eq(mensagens.tipo, "alerta_operacao")))
    .orderBy(mensagens.criadoEm);

beforeAll(async () => {
  t = await createTestDb();
  imobiliariaId = (await insertImobiliaria(t.db, { slug: "operacao", nome: "Operada" })).id;
  for (const [nome, papel, whatsapp] of [
    ["Ana Admin", "admin", "+5511911130001"],
    ["Gil Gestor", "gestor", "+5511911130002"],
    ["Bia Admin", "admin", null],
  ] as const) {
    const u = await insertUsuario(t.db, {
      email: `${nome.split(" ")[0]}@operada.example`,
      nome,
      senhaHash: HASH,
      papel,
      imobiliariaId,
    });
    if (whatsapp) await t.db.update(usuarios).set({ whatsapp }).where(eq(usuarios.id, u.id));
  }
});
afterAll(async () => {
  await t?.cleanup();
});
beforeEach(async () => {
  await t.db.delete(mensagens);
  await t.db.delete(incidentes);
  await t.db.delete(eventos);
});

async function eventoParado(detectado: Date) {
  await t.db.insert(eventos).values({
    id: newId("evt", detectado.getTime()),
    tipo: "novo_lead",
    imobiliariaId,
    dataDeteccao: detectado,
    processado: false,
  });
}

describe("watchOperacao", () => {
  it("fires once when the oldest undecided event passes 5 min, not again while open, resolves once", async () => {
    await eventoParado(new Date("2026-12-05T11:54:00Z"));
    at("2026-12-05T11:58:00Z");
    expect((await watchOperacao(deps())).abertos).toEqual([]); // 4 min: nothing yet
    at("2026-12-05T12:00:00Z");
    const primeiro = await watchOperacao(deps());
    expect(primeiro.abertos).toHaveLength(1);
    const msgs = await alertas();
    // Only the admin with a number: not the manager, not the admin without one.
    expect(msgs.map((m) => m.destino)).toEqual(["+5511911130001"]);
    expect(msgs[0]!.corpo).toContain("incidente aberto (Atenção)");
    expect(msgs[0]!.corpo).toContain("espera há 6 min");
    expect(msgs[0]!.corpo).toContain("05/12 às 9h"); // São Paulo time

    at("2026-12-05T12:01:00Z");
    expect(await watchOperacao(deps())).toEqual({ abertos: [], resolvidos: [], mensagens: 0 });
    expect(await alertas()).toHaveLength(1);

    await t.db.update(eventos).set({ processado: true });
    at("2026-12-05T12:02:00Z");
    const resolvido = await watchOperacao(deps());
    expect(resolvido.resolvidos).toEqual(primeiro.abertos);
    at("2026-12-05T12:03:00Z");
    expect((await watchOperacao(deps())).resolvidos).toEqual([]);
    const todas = await alertas();
    expect(todas).toHaveLength(2);
    expect(todas[1]!.corpo).toContain("incidente resolvido");
    const [inc] = await t.db.select().from(incidentes);
    expect(inc!.resolvidoEm?.toISOString()).toBe("2026-12-05T12:02:00.000Z");
  });

  it("two evaluations at once open one incident and tell each admin once", async () => {
    const [a, b] = await Promise.all([watchOperacao(deps(redisFora)), watchOperacao(deps(redisFora))]);
    expect(a.abertos.length + b.abertos.length).toBe(1);
    expect(await t.db.select().from(incidentes)).toHaveLength(1);
    expect(await alertas()).toHaveLength(1);
  });

  it("records Redis down (critical) when the KV ping rejects, and its return", async () => {
    at("2026-12-05T13:00:00Z");
    await watchOperacao(deps(redisFora));
    const [inc] = await t.db.select().from(incidentes);
    expect(inc).toMatchObject({ tipo: "redis_fora", severidade: "critical", resolvidoEm: null });
    expect((await alertas())[0]!.corpo).toContain("Redis fora do ar");
    at("2026-12-05T13:01:00Z");
    expect((await watchOperacao(deps(redisOk))).resolvidos).toEqual([inc!.id]);
  });

  it("watches no Redis with the in-memory KV", async () => {
    const memoria = { driver: "memory" as const, ping: () => Promise.reject(new Error("never asked")) };
    expect(await watchOperacao(deps(memoria))).toEqual({ abertos: [], resolvidos: [], mensagens: 0 });
  });
});
