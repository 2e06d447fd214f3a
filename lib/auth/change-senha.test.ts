// A login changing its own password against a real database, with the real bcrypt checker.
import bcrypt from "bcryptjs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { listAuditoriaDoAlvo } from "@/lib/db/queries/auditoria";
import { insertImobiliaria } from "@/lib/db/queries/imobiliarias";
import { getUsuarioById, insertUsuario } from "@/lib/db/queries/usuarios";
import { usuarios } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { changeOwnSenha } from "./change-senha";
import { createPasswordChecker } from "./password";

let t: TestDb;
let quem: { imobiliariaId: string; usuarioId: string };
const ATUAL = "senha-atual-123";
const password = createPasswordChecker();
const hash = async () =>
  (await t.db.select({ h: usuarios.senhaHash }).from(usuarios).where(eq(usuarios.id, quem.usuarioId)))[0]!.h;

beforeAll(async () => {
  t = await createTestDb();
  const imobiliariaId = (await insertImobiliaria(t.db, { slug: "conta-a", nome: "Agência" })).id;
  await insertUsuario(t.db, {
    id: "usr_conta",
    email: "conta@a.test",
    nome: "Cora",
    senhaHash: bcrypt.hashSync(ATUAL, 4),
    papel: "gestor",
    imobiliariaId,
    senhaProvisoriaAte: new Date("2030-01-01T00:00:00Z"),
  });
  quem = { imobiliariaId, usuarioId: "usr_conta" };
});
afterAll(async () => {
  await t?.cleanup();
});
beforeEach(async () => {
  await t.db.update(usuarios).set({ senhaHash: bcrypt.hashSync(ATUAL, 4) });
});

describe("changeOwnSenha", () => {
  it("refuses, field by field in pt-BR, and changes nothing", async () => {
    const antes = await hash();
    const casos = [
      [
        { atual: "errada-123456", nova: "nova-senha-123", confirmacao: "nova-senha-123" },
        { atual: "Senha atual incorreta." },
      ],
      [{ atual: "", nova: "nova-senha-123", confirmacao: "nova-senha-123" }, { atual: "Informe a senha atual." }],
      [{ atual: ATUAL, nova: "curta", confirmacao: "curta" }, { nova: "Use pelo menos 10 caracteres" }],
      [{ atual: ATUAL, nova: "é".repeat(40), confirmacao: "é".repeat(40) }, { nova: "Use no máximo 72 bytes" }],
      [
        { atual: ATUAL, nova: "nova-senha-123", confirmacao: "nova-senha-124" },
        { confirmacao: "As duas senhas não são iguais." },
      ],
      [{ atual: ATUAL, nova: ATUAL, confirmacao: ATUAL }, { nova: "Escolha uma senha diferente da atual." }],
    ] as const;
    for (const [input, erros] of casos) {
      expect(await changeOwnSenha(t.db, quem, input, password), JSON.stringify(input)).toEqual({
        kind: "invalido",
        erros,
      });
    }
    expect(await hash()).toBe(antes);
  });

  it("stores the new password, ends the temporary one and every session, and audits without the password", async () => {
    const antes = (await getUsuarioById(t.db, quem.usuarioId))!;
    expect(antes.senhaProvisoriaAte).not.toBeNull();
    const nova = "minha-senha-nova-2026";
    expect(await changeOwnSenha(t.db, quem, { atual: ATUAL, nova, confirmacao: nova }, password)).toEqual({
      kind: "feito",
    });
    expect(await bcrypt.compare(nova, await hash())).toBe(true);
    const depois = (await getUsuarioById(t.db, quem.usuarioId))!;
    expect(depois.senhaProvisoriaAte).toBeNull();
    expect(depois.sessaoVersao).toBe(antes.sessaoVersao + 1);
    const [audit] = await listAuditoriaDoAlvo(t.db, quem.imobiliariaId, { tipo: "usuario", id: quem.usuarioId });
    expect(audit).toMatchObject({ acao: "usuario.senha_trocada", detalhes: { eraProvisoria: true } });
    expect(JSON.stringify(audit)).not.toContain(nova);
  });
});
