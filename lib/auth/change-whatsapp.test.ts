// A login giving its own WhatsApp on /conta, against a real database: stored in E.164, a landline or
// a typo refused beside the field, the audit row saying only "com número"/"sem número".
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditoriaDoAlvo } from "@/lib/db/queries/auditoria";
import { insertImobiliaria } from "@/lib/db/queries/imobiliarias";
import { getUsuarioById, insertUsuario } from "@/lib/db/queries/usuarios";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { describeAuditoria } from "@/lib/painel/auditoria-texto";
import { changeOwnWhatsapp } from "./change-whatsapp";

let t: TestDb;
let quem: { imobiliariaId: string; usuarioId: string };

beforeAll(async () => {
  t = await createTestDb();
  const imobiliariaId = (await insertImobiliaria(t.db, { slug: "zap-a", nome: "Agência" })).id;
  await insertUsuario(t.db, {
    id: "usr_zap",
    email: "zap@a.test",
    nome: "Gil",
    senhaHash: bcrypt.hashSync("segredo-123456", 4),
    papel: "gestor",
    imobiliariaId,
  });
  quem = { imobiliariaId, usuarioId: "usr_zap" };
});
afterAll(async () => {
  await t?.cleanup();
});

const whatsapp = async () => (await getUsuarioById(t.db, quem.usuarioId))?.whatsapp;

describe("changeOwnWhatsapp", () => {
  it("refuses a typo or a landline in pt-BR beside the field and changes nothing", async () => {
    expect(await changeOwnWhatsapp(t.db, quem, "123")).toEqual({
      kind: "invalido",
      erros: { whatsapp: "Número inválido. Use o DDD, ex.: (11) 98765-4321." },
    });
    expect(await changeOwnWhatsapp(t.db, quem, "(11) 3333-4444")).toEqual({
      kind: "invalido",
      erros: { whatsapp: "Este número é de telefone fixo: informe um celular com WhatsApp." },
    });
    expect(await whatsapp()).toBeNull();
    expect(await listAuditoriaDoAlvo(t.db, quem.imobiliariaId, { tipo: "usuario", id: quem.usuarioId })).toHaveLength(
      0,
    );
  });

  it("stores the number as typed in E.164, audits without it, and an empty field removes it", async () => {
    expect(await changeOwnWhatsapp(t.db, quem, "(11) 98765-4321")).toEqual({
      kind: "feito",
      whatsapp: "+5511987654321",
    });
    expect(await whatsapp()).toBe("+5511987654321");
    expect(await changeOwnWhatsapp(t.db, quem, "+55 11 98765-4321")).toEqual({ kind: "sem_mudanca" });
    expect(await changeOwnWhatsapp(t.db, quem, "  ")).toEqual({ kind: "feito", whatsapp: null });
    expect(await whatsapp()).toBeNull();

    const linhas = await listAuditoriaDoAlvo(t.db, quem.imobiliariaId, { tipo: "usuario", id: quem.usuarioId });
    expect(linhas).toHaveLength(2);
    expect(JSON.stringify(linhas)).not.toMatch(/98765|4321/);
    const textos = linhas.map((l) => describeAuditoria(l).mudanca).sort();
    expect(textos).toEqual([
      "com número → sem número (o número não é guardado aqui)",
      "sem número → com número (o número não é guardado aqui)",
    ]);
  });

  it("a login of another agency is not found", async () => {
    const outra = (await insertImobiliaria(t.db, { slug: "zap-b", nome: "B" })).id;
    expect(await changeOwnWhatsapp(t.db, { imobiliariaId: outra, usuarioId: "usr_zap" }, "11987654321")).toEqual({
      kind: "nao_encontrado",
    });
  });
});
