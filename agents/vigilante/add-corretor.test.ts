// "Adicionar corretor" against a real database: the number as typed → E.164, the agency's default
// limit, the pt-BR refusals beside each field, the audit row, and the roleta using the new broker at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditoriaDoAlvo } from "@/lib/db/queries/auditoria";
import { listCorretores } from "@/lib/db/queries/corretores";
import { insertImobiliaria, type Imobiliaria } from "@/lib/db/queries/imobiliarias";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { insertCorretor } from "@/lib/db/testing/corretores";
import { parseConfiguracoes } from "@/lib/domain/configuracoes-imobiliaria";
import { addCorretor } from "./add-corretor";
import { routeLead } from "./route-lead";

let t: TestDb;
let agencia: Imobiliaria;
let actor: Parameters<typeof addCorretor>[1];

beforeAll(async () => {
  t = await createTestDb();
  agencia = await insertImobiliaria(t.db, {
    slug: "novo-corretor",
    nome: "Agência",
    configuracoes: {
      roteamento: "roleta",
      limiteDiarioPadrao: 3,
      agrupamentoPadrao: { janelaMinutos: 45, tamanhoMaximo: 4 },
    },
  });
  actor = {
    imobiliariaId: agencia.id,
    usuarioId: "usr_gestor",
    configuracoes: parseConfiguracoes(agencia.configuracoes),
  };
  await insertCorretor(t.db, { imobiliariaId: agencia.id, nome: "Antiga", telefone: "+5511900040001" });
});
afterAll(async () => {
  await t?.cleanup();
});

describe("addCorretor", () => {
  it("stores the WhatsApp number in E.164 with the agency's default daily limit and grouping, and audits it without personal data", async () => {
    const feito = await addCorretor(t.db, actor, {
      nome: " Bruno Lima ",
      telefone: "(11) 98765-4321",
      email: "Bruno@Exemplo.com",
    });
    if (feito.kind !== "feito") throw new Error(JSON.stringify(feito));
    expect(feito.corretor).toMatchObject({
      nome: "Bruno Lima",
      telefone: "+5511987654321",
      email: "bruno@exemplo.com",
      ativo: true,
      imobiliariaId: agencia.id,
    });
    expect(feito.corretor.preferencias.limiteDiario).toBe(3);
    expect(feito.corretor.preferencias.agrupamento).toMatchObject({ janelaMinutos: 45, tamanhoMaximo: 4 });
    const [audit] = await listAuditoriaDoAlvo(t.db, agencia.id, { tipo: "corretor", id: feito.corretor.id });
    expect(audit).toMatchObject({ acao: "corretor.criado", usuarioId: "usr_gestor", detalhes: { limiteDiario: 3 } });
    const texto = JSON.stringify(audit);
    for (const pessoal of ["Bruno", "98765", "exemplo.com"]) expect(texto).not.toContain(pessoal);
  });

  it("refuses each bad field with a pt-BR message beside it, and adds nobody", async () => {
    const antes = (await listCorretores(t.db, agencia.id)).length;
    const casos = [
      [
        { nome: "", telefone: "", email: "" },
        { nome: "Informe o nome (pelo menos 2 letras).", telefone: "Informe o WhatsApp." },
      ],
      [{ nome: "Ana", telefone: "123", email: "" }, { telefone: "Número inválido. Use o DDD, ex.: (11) 98765-4321." }],
      [
        { nome: "Ana", telefone: "(11) 3333-4444", email: "" },
        { telefone: "Este número é de telefone fixo: informe um celular com WhatsApp." },
      ],
      [{ nome: "Ana", telefone: "11 91234-5678", email: "ana@" }, { email: "E-mail inválido." }],
      // The same number typed another way is the same number.
      [
        { nome: "Ana", telefone: "+55 11 98765 4321", email: "" },
        { telefone: "Já existe um corretor com este número." },
      ],
    ] as const;
    for (const [input, erros] of casos) {
      expect(await addCorretor(t.db, actor, input), JSON.stringify(input)).toEqual({ kind: "invalido", erros });
    }
    expect((await listCorretores(t.db, agencia.id)).length).toBe(antes);
  });

  it("the database itself holds one broker per number and agency (two managers at once cannot both add it)", async () => {
    await expect(
      insertCorretor(t.db, { imobiliariaId: agencia.id, nome: "Outra Ana", telefone: "+5511987654321" }),
    ).rejects.toThrow();
    const outra = await insertImobiliaria(t.db, { slug: "outra-numero", nome: "Outra", cidade: "Santos", uf: "SP" });
    // Another agency may have a broker with the same number.
    await expect(
      insertCorretor(t.db, { imobiliariaId: outra.id, nome: "Ana de Santos", telefone: "+5511987654321" }),
    ).resolves.toBeTruthy();
  });

  it("puts the new broker in the roleta from the next lead", async () => {
    const feito = await addCorretor(t.db, actor, { nome: "Carla Nova", telefone: "21 99876-5432", email: "" });
    if (feito.kind !== "feito") throw new Error(JSON.stringify(feito));
    const escolhidos = new Set<string | null>();
    const now = new Date("2026-12-07T14:00:00Z"); // a Monday, 11:00 in São Paulo: everyone on duty
    // Three brokers with the same weight: three leads in a row give each one a turn.
    for (let i = 0; i < 3; i++) {
      const decisao = await routeLead(t.db, {
        imobiliariaId: agencia.id,
        timezone: agencia.timezone,
        configuracoes: actor.configuracoes,
        listingCorretorId: null,
        now,
      });
      escolhidos.add(decisao.corretorId);
    }
    expect(escolhidos.has(feito.corretor.id)).toBe(true);
  });
});
