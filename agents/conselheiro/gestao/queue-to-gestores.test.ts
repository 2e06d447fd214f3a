// Real database (PGlite, or Postgres with DATABASE_URL); nothing is sent here, only rows written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { insertImobiliaria } from "@/lib/db/queries/imobiliarias";
import { insertUsuario, setUsuarioAtivo } from "@/lib/db/queries/usuarios";
import { mensagens, usuarios } from "@/lib/db/schema";
import { eq } from "drizzle-orm";
import { queueToGestores } from "./queue-to-gestores";

const HASH = "$2a$04$" + "a".repeat(53);
let t: TestDb;
let imobiliariaId: string;
const ids: Record<string, string> = {};
const now = () => new Date("2026-03-10T12:00:00Z");

beforeAll(async () => {
  t = await createTestDb();
  imobiliariaId = (await insertImobiliaria(t.db, { slug: "gestao-fila", nome: "Gestão" })).id;
  const people = [
    ["ana", "admin", "+5511911110001"],
    ["gil", "gestor", "+5511911110002"],
    ["sem", "gestor", null],
    ["ex", "gestor", "+5511911110004"],
  ] as const;
  for (const [nome, papel, whatsapp] of people) {
    const u = await insertUsuario(t.db, { email: `${nome}@example.com`, nome, senhaHash: HASH, papel, imobiliariaId });
    if (whatsapp) await t.db.update(usuarios).set({ whatsapp }).where(eq(usuarios.id, u.id));
    ids[nome] = u.id;
  }
  await setUsuarioAtivo(t.db, imobiliariaId, ids.ex!, false);
});
afterAll(async () => t?.cleanup());

describe("queueToGestores", () => {
  it("writes one message per active manager with a WhatsApp number, to that number, once however often it runs", async () => {
    const pedido = {
      imobiliariaId,
      tipo: "lembrete" as const,
      chave: "teste:sla:lead_1",
      papeis: ["admin", "gestor"] as ("admin" | "gestor")[],
      corpo: (g: { nome: string }) => `Olá, ${g.nome}: lead sem resposta.`,
    };
    const [first, second] = await Promise.all([
      queueToGestores({ db: t.db, now }, pedido),
      queueToGestores({ db: t.db, now }, pedido),
    ]);
    expect(first.map((r) => r.usuarioId).sort()).toEqual([ids.ana, ids.gil].sort());
    expect([...first, ...second].filter((r) => r.criada)).toHaveLength(2);
    const rows = await t.db.select().from(mensagens).where(eq(mensagens.imobiliariaId, imobiliariaId));
    expect(rows.map((r) => [r.usuarioId, r.corretorId, r.destino, r.corpo]).sort()).toEqual(
      [
        [ids.ana, null, "+5511911110001", "Olá, ana: lead sem resposta."],
        [ids.gil, null, "+5511911110002", "Olá, gil: lead sem resposta."],
      ].sort(),
    );
  });

  it("reaches only the roles asked for (a portal alert is for admins)", async () => {
    const out = await queueToGestores(
      { db: t.db, now },
      { imobiliariaId, tipo: "lembrete", chave: "teste:portal", papeis: ["admin"], corpo: () => "Portal calado." },
    );
    expect(out.map((r) => r.usuarioId)).toEqual([ids.ana]);
  });
});
