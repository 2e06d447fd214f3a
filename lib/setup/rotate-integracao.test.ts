import bcrypt from "bcryptjs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditoria } from "@/lib/db/queries/auditoria";
import { getActiveIntegracaoCached, upsertIntegracao } from "@/lib/db/queries/integracoes";
import { insertImobiliaria } from "@/lib/db/queries/imobiliarias";
import { insertUsuario } from "@/lib/db/queries/usuarios";
import { auditoria, integracoes } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { verifyPortalCredential } from "@/lib/portals/authenticate";
import { rotateIntegracao } from "./rotate-integracao";

let t: TestDb;
const ids = {} as { agencyA: string; agencyB: string; adminA: string; olxA: string; olxB: string };
const OLD = "segredo-antigo-da-olx";

beforeAll(async () => {
  t = await createTestDb();
  ids.agencyA = (await insertImobiliaria(t.db, { slug: "rot-a", nome: "Rotação A" })).id;
  ids.agencyB = (await insertImobiliaria(t.db, { slug: "rot-b", nome: "Rotação B" })).id;
  ids.adminA = (
    await insertUsuario(t.db, {
      email: "admin@rot-a.test",
      nome: "Ana Admin",
      senhaHash: bcrypt.hashSync("segredo", 4),
      papel: "admin",
      imobiliariaId: ids.agencyA,
    })
  ).id;
  ids.olxA = await upsertIntegracao(t.db, { imobiliariaId: ids.agencyA, portal: "grupo-olx", segredo: OLD });
  ids.olxB = await upsertIntegracao(t.db, { imobiliariaId: ids.agencyB, portal: "grupo-olx", segredo: OLD });
});
afterAll(async () => {
  await t?.cleanup();
});

const basic = (secret: string) =>
  new Headers({ authorization: `Basic ${Buffer.from(`vivareal:${secret}`).toString("base64")}` });

// As the webhook checks a delivery: the remembered credential, then the constant-time comparison.
async function accepts(imobiliariaId: string, secret: string): Promise<boolean> {
  const credential = await getActiveIntegracaoCached(t.db, imobiliariaId, "grupo-olx");
  return credential !== null && verifyPortalCredential("grupo-olx", basic(secret), credential);
}

describe("rotateIntegracao", () => {
  it("the new secret is accepted and the old one refused at once, even after a delivery was checked", async () => {
    expect(await accepts(ids.agencyA, OLD)).toBe(true); // now remembered by this process

    const feita = await rotateIntegracao(t.db, {
      imobiliariaId: ids.agencyA,
      usuarioId: ids.adminA,
      integracaoId: ids.olxA,
    });

    expect(feita).toMatchObject({ id: ids.olxA, portal: "grupo-olx" });
    expect(feita!.segredo).not.toBe(OLD);
    expect(feita!.segredo.length).toBeGreaterThanOrEqual(32);
    expect(feita!.comoAutenticar).toBe(`Authorization: ${basic(feita!.segredo).get("authorization")}`);
    expect(await accepts(ids.agencyA, OLD)).toBe(false);
    expect(await accepts(ids.agencyA, feita!.segredo)).toBe(true);
    // The other agency's credential with the same secret is untouched.
    expect(await accepts(ids.agencyB, OLD)).toBe(true);
  });

  it("writes one audit row with who, which credential and the portal, never a secret", async () => {
    const before = (await t.db.select().from(auditoria)).length;
    const feita = await rotateIntegracao(t.db, {
      imobiliariaId: ids.agencyA,
      usuarioId: ids.adminA,
      integracaoId: ids.olxA,
    });
    const rows = await t.db.select().from(auditoria);
    expect(rows).toHaveLength(before + 1);
    const { itens } = await listAuditoria(t.db, ids.agencyA, {}, { limit: 1 });
    expect(itens[0]).toMatchObject({
      imobiliariaId: ids.agencyA,
      usuarioId: ids.adminA,
      usuarioNome: "Ana Admin",
      acao: "integracao.segredo_trocado",
      alvoTipo: "integracao",
      alvoId: ids.olxA,
      detalhes: { portal: "grupo-olx" },
    });
    const [cifrado] = await t.db.select().from(integracoes).where(eq(integracoes.id, ids.olxA));
    const escrito = JSON.stringify(rows);
    expect(escrito).not.toContain(feita!.segredo);
    expect(escrito).not.toContain(OLD);
    expect(escrito).not.toContain(cifrado!.segredoCifrado);
  });

  it("another agency's credential is not found, and nothing changes", async () => {
    const [before] = await t.db.select().from(integracoes).where(eq(integracoes.id, ids.olxB));
    const audits = (await t.db.select().from(auditoria)).length;

    const feita = await rotateIntegracao(t.db, {
      imobiliariaId: ids.agencyA,
      usuarioId: ids.adminA,
      integracaoId: ids.olxB,
    });

    expect(feita).toBeNull();
    const [after] = await t.db.select().from(integracoes).where(eq(integracoes.id, ids.olxB));
    expect(after!.segredoCifrado).toBe(before!.segredoCifrado);
    expect(await t.db.select().from(auditoria)).toHaveLength(audits);
    expect(await accepts(ids.agencyB, OLD)).toBe(true);
  });
});
