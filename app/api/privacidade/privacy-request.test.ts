// Integration: the LGPD requests an agency's own system sends with an API key, through the route
// handler's function and a real database (PGlite, or Postgres in CI). No network.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postLead } from "@/app/api/webhooks/portais/[...rota]/route";
import { createApiKey, revokeApiKey } from "@/lib/auth/api-key";
import { useDbForTests } from "@/lib/db/client";
import { listAuditoria } from "@/lib/db/queries/auditoria";
import { chavesApi, leads, usuarios } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { newId } from "@/lib/ids";
import { eq, sql } from "drizzle-orm";
import { authHeaders, createWebhookAgency, deliveryRequest } from "../webhooks/portais/testing/webhook-agency";
import { respondToPrivacyRequest } from "./privacy-request";

const NOW = new Date("2026-12-05T15:00:00Z");
let handle: TestDb;
let agencia: Awaited<ReturnType<typeof createWebhookAgency>>;
let outra: Awaited<ReturnType<typeof createWebhookAgency>>;
let chave: string;
let chaveId: string;
const admin = (imobiliariaId: string, usuarioId: string) => ({ imobiliariaId, usuarioId });

async function usuario(imobiliariaId: string): Promise<string> {
  const id = newId("usr");
  await handle.db.execute(
    sql`insert into usuarios (id, imobiliaria_id, nome, email, senha_hash, papel) values (${id}, ${imobiliariaId}, 'Admin', ${`${id}@api.test`}, 'x', 'admin')`,
  );
  return id;
}

beforeAll(async () => {
  handle = await createTestDb();
  useDbForTests(handle);
  agencia = await createWebhookAgency(handle, { slug: "api-lgpd", brokers: 1 });
  outra = await createWebhookAgency(handle, { slug: "api-lgpd-outra", brokers: 1 });
  const res = await postLead(
    deliveryRequest(
      "generico",
      "api-lgpd",
      JSON.stringify({ id: "api-1", nome: "Vera Pedido", telefone: "(21) 99876-5432", email: "vera@exemplo.com.br" }),
      authHeaders("generico"),
    ),
    { params: Promise.resolve({ rota: ["generico", "api-lgpd"] }) },
  );
  expect(res.status).toBe(201);
  const criada = await createApiKey(
    handle.db,
    admin(agencia.agency.id, await usuario(agencia.agency.id)),
    { nome: "CRM da imobiliária", escopos: ["privacidade"] },
    NOW,
  );
  chave = criada.chave;
  chaveId = criada.id;
});
afterAll(async () => {
  useDbForTests(null);
  await handle.cleanup();
});

const call = (acao: string, body: unknown, key: string | null = chave) =>
  respondToPrivacyRequest(
    { db: handle.db, now: () => NOW },
    acao,
    new Request(`http://localhost/api/privacidade/${acao}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
const json = async (res: Response) => (await res.json()) as Record<string, unknown>;

describe("POST /api/privacidade/{buscar,exportar,apagar}", () => {
  it("refuses without a key, with a malformed or unknown key, and with a key lacking the scope — 4xx naming why", async () => {
    const semChave = await call("buscar", { telefone: "(21) 99876-5432" }, null);
    expect(semChave.status).toBe(401);
    expect(JSON.stringify(await json(semChave))).toContain("Authorization: Bearer");
    expect((await call("buscar", { telefone: "1" }, "abc")).status).toBe(401);
    expect((await call("buscar", { telefone: "1" }, `lst_00000000_${"a".repeat(43)}`)).status).toBe(401);

    const semEscopo = `lst_11111111_${"b".repeat(43)}`;
    await handle.db.insert(chavesApi).values({
      id: newId("key"),
      imobiliariaId: agencia.agency.id,
      nome: "Outra coisa",
      prefixo: "lst_11111111",
      hash: createHash("sha256").update(semEscopo).digest("hex"),
      escopos: ["outro" as "privacidade"],
      criadaEm: NOW,
    });
    const proibida = await call("buscar", { telefone: "(21) 99876-5432" }, semEscopo);
    expect(proibida.status).toBe(403);
    expect(JSON.stringify(await json(proibida))).toContain('escopo \\"privacidade\\"');
  });

  it("answers a malformed request with a 4xx that says what is wrong", async () => {
    expect((await call("buscar", "{nao é json")).status).toBe(400);
    const ambos = await call("buscar", { telefone: "(21) 99876-5432", email: "vera@exemplo.com.br" });
    expect(ambos.status).toBe(422);
    expect(JSON.stringify(await json(ambos))).toContain("um dos dois");
    expect((await call("buscar", { telefone: "123" })).status).toBe(422);
    expect((await call("listar", { telefone: "(21) 99876-5432" })).status).toBe(404);
  });

  it("finds and exports the person for the key's agency only, and audits the export with the key's id", async () => {
    const busca = await json(await call("buscar", { telefone: "21 998765432" }));
    expect((busca.leads as { nome: string }[]).map((l) => l.nome)).toEqual(["Vera Pedido"]);

    const chaveOutra = await createApiKey(
      handle.db,
      admin(outra.agency.id, await usuario(outra.agency.id)),
      { nome: "Outra", escopos: ["privacidade"] },
      NOW,
    );
    expect(await json(await call("buscar", { email: "vera@exemplo.com.br" }, chaveOutra.chave))).toEqual({ leads: [] });

    const exportado = await call("exportar", { email: "VERA@exemplo.com.br" });
    expect(exportado.status).toBe(200);
    expect(JSON.stringify(await json(exportado))).toContain("vera@exemplo.com.br");
    const { itens } = await listAuditoria(handle.db, agencia.agency.id, { acao: "titular.exportado" }, { limit: 5 });
    expect(itens.map((a) => [a.usuarioId, a.detalhes])).toEqual([[null, { leads: 1, chaveApi: chaveId }]]);
  });

  it("erases the person, and a revoked key is refused from that moment", async () => {
    expect(await json(await call("apagar", { telefone: "(21) 99876-5432" }))).toEqual({
      leads: 1,
      mensagensCanceladas: 0,
    });
    const [vera] = await handle.db
      .select({ nome: leads.nome, email: leads.email })
      .from(leads)
      .where(eq(leads.imobiliariaId, agencia.agency.id));
    expect(vera).toEqual({ nome: "Pessoa removida (LGPD)", email: null });

    const [u] = await handle.db
      .select({ id: usuarios.id })
      .from(usuarios)
      .where(eq(usuarios.imobiliariaId, agencia.agency.id));
    expect(await revokeApiKey(handle.db, admin(agencia.agency.id, u!.id), chaveId, NOW)).toBe(true);
    expect((await call("buscar", { telefone: "(21) 99876-5432" })).status).toBe(401);
  });
});
