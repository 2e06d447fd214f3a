// Integration: a person's request by phone or e-mail (find, export, erase) on real rows posted through
// the real portal route (PGlite, or Postgres in CI). After the erasure no table holds the person; their
// leads still count, and nothing about them is left to go out on WhatsApp.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/portais/[...rota]/route";
import { useDbForTests } from "@/lib/db/client";
import { listAuditoria } from "@/lib/db/queries/auditoria";
import { leads, mensagens } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { newId } from "@/lib/ids";
import {
  authHeaders,
  createWebhookAgency,
  deliveryRequest,
  fixture,
} from "../../app/api/webhooks/portais/testing/webhook-agency";
import { everythingStored } from "./testing/stored-text";
import { eraseTitular, exportTitular, findTitular, parseTitularBusca, type TitularBusca } from "./titular";

const NOW = new Date("2026-12-05T15:00:00Z");
let handle: TestDb;
let agency: Awaited<ReturnType<typeof createWebhookAgency>>;
let admin: { imobiliariaId: string; usuarioId: string };

beforeAll(async () => {
  handle = await createTestDb();
  useDbForTests(handle);
  agency = await createWebhookAgency(handle, { slug: "titular", brokers: 2 });
  const usuarioId = newId("usr");
  await handle.db.execute(
    sql`insert into usuarios (id, imobiliaria_id, nome, email, senha_hash, papel) values (${usuarioId}, ${agency.agency.id}, 'Admin', 'admin@titular.test', 'x', 'admin')`,
  );
  admin = { imobiliariaId: agency.agency.id, usuarioId };
});
afterAll(async () => {
  useDbForTests(null);
  await handle.cleanup();
});

async function post(portal: "generico" | "grupo-olx", body: Record<string, unknown>): Promise<string> {
  const res = await POST(deliveryRequest(portal, "titular", JSON.stringify(body), authHeaders(portal)), {
    params: Promise.resolve({ rota: [portal, "titular"] }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { leadId: string }).leadId;
}

const busca = (texto: string): TitularBusca => {
  const parsed = parseTitularBusca(texto);
  if (!("busca" in parsed)) throw new Error(parsed.erro);
  return parsed.busca;
};

describe("a person's request (find, export, erase)", () => {
  let marina: string;
  let outra: string;

  beforeAll(async () => {
    marina = await post("generico", {
      id: "tit-1",
      nome: "Marina Titular",
      telefone: "(11) 94321-8765",
      email: "marina.titular@exemplo.com.br",
      mensagem: "Olá, aqui é a Marina, me liga no 11 94321-8765",
    });
    outra = await post("grupo-olx", {
      ...fixture("grupo-olx-lead-whatsapp-click.json"),
      originLeadId: "tit-2",
      name: "Otávio Outro",
      phoneNumber: "11955554444",
      email: "otavio@exemplo.com.br",
    });
    // A message about her still waiting to go out, and a summary quoting her and someone else.
    await handle.db.insert(mensagens).values([
      {
        id: newId("msg"),
        imobiliariaId: agency.agency.id,
        corretorId: agency.brokers[0]!.id,
        leadId: marina,
        tipo: "lembrete",
        destino: agency.brokers[0]!.telefone,
        corpo: "⏰ Lembrete: Marina Titular ainda espera seu contato",
        status: "agendada",
        scheduledFor: new Date(NOW.getTime() + 60 * 60_000),
        idempotencyKey: `titular-lembrete:${marina}`,
      },
      {
        id: newId("msg"),
        imobiliariaId: agency.agency.id,
        corretorId: agency.brokers[0]!.id,
        leadId: null,
        tipo: "resumo",
        destino: agency.brokers[0]!.telefone,
        corpo: "📊 Resumo: Marina Titular e Otávio Outro esperam contato",
        status: "enviada",
        idempotencyKey: `titular-resumo:${marina}`,
      },
    ]);
  });

  it("reads a phone typed any way or an e-mail, and says what is wrong otherwise", () => {
    expect(busca("(11) 94321-8765")).toEqual({ telefones: expect.arrayContaining(["+5511943218765"]) });
    expect(busca(" Marina.Titular@Exemplo.com.br ")).toEqual({ email: "marina.titular@exemplo.com.br" });
    expect(parseTitularBusca("")).toEqual({ erro: "Informe o telefone ou o e-mail da pessoa." });
    expect(parseTitularBusca("1234")).toEqual({
      erro: "Telefone inválido: use DDD e número, como (11) 98765-4321.",
    });
    expect(parseTitularBusca("marina@")).toEqual({ erro: "E-mail inválido." });
  });

  it("finds the person's leads by phone and by e-mail, and no one else's", async () => {
    expect((await findTitular(handle.db, agency.agency.id, busca("11 94321-8765"))).map((l) => l.id)).toEqual([marina]);
    expect(
      (await findTitular(handle.db, agency.agency.id, busca("marina.titular@exemplo.com.br"))).map((l) => l.id),
    ).toEqual([marina]);
  });

  it("exports everything held about the person as JSON, and audits that it happened without the person in it", async () => {
    const doc = await exportTitular(handle.db, admin, busca("(11) 94321-8765"), NOW);
    expect(doc.leads).toHaveLength(1);
    const text = JSON.stringify(doc);
    for (const held of [
      "Marina Titular",
      "+5511943218765",
      "marina.titular@exemplo.com.br",
      "me liga no 11 94321-8765",
    ])
      expect(text, held).toContain(held);
    expect(doc.leads[0]!.mensagens.map((m) => m.tipo)).toContain("lembrete");
    expect(doc.leads[0]!.entregas[0]!.corpo).not.toBeNull();
    const { itens } = await listAuditoria(handle.db, agency.agency.id, { acao: "titular.exportado" }, { limit: 5 });
    expect(itens.map((a) => a.detalhes)).toEqual([{ leads: 1 }]);
  });

  it("erases the person everywhere, cancels what was still to go out, keeps the lead counted and the other person whole", async () => {
    const [{ total: antes }] = (await handle.db.select({ total: sql<number>`count(*)::int` }).from(leads)) as [
      { total: number },
    ];
    const result = await eraseTitular(handle.db, admin, busca("marina.titular@exemplo.com.br"), NOW);
    expect(result).toEqual({ leads: 1, mensagensCanceladas: 1 });

    const stored = await everythingStored(handle.db);
    for (const trace of ["Marina", "943218765", "94321-8765", "marina.titular"])
      expect(stored, trace).not.toContain(trace);
    expect(stored).toContain("Otávio Outro");
    expect(stored).toContain("otavio@exemplo.com.br");

    const [{ total: depois }] = (await handle.db.select({ total: sql<number>`count(*)::int` }).from(leads)) as [
      { total: number },
    ];
    expect(depois).toBe(antes);
    const [lembrete] = await handle.db
      .select({ status: mensagens.status })
      .from(mensagens)
      .where(eq(mensagens.idempotencyKey, `titular-lembrete:${marina}`));
    expect(lembrete!.status).toBe("cancelada");
    const [resumo] = await handle.db
      .select({ corpo: mensagens.corpo })
      .from(mensagens)
      .where(eq(mensagens.idempotencyKey, `titular-resumo:${marina}`));
    expect(resumo!.corpo).toBe("📊 Resumo: (nome removido) e Otávio Outro esperam contato");

    expect(await findTitular(handle.db, agency.agency.id, busca("(11) 94321-8765"))).toEqual([]);
    const { itens } = await listAuditoria(handle.db, agency.agency.id, { acao: "titular.apagado" }, { limit: 5 });
    expect(itens.map((a) => a.detalhes)).toEqual([{ leads: 1, mensagens: 2, mensagensCanceladas: 1 }]);
    expect(outra).toBeTruthy();
  });
});
