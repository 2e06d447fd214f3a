import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localDayRange } from "@/lib/time/local-day";
import { createTestDb, type TestDb } from "../test-db";
import { insertAuditoria, listAuditoria, listAuditoriaOpcoes, type AuditoriaBusca } from "./auditoria";
import { insertImobiliaria } from "./imobiliarias";
import { insertUsuario } from "./usuarios";

let t: TestDb;
const ids = {} as { agencyA: string; agencyB: string; ana: string; beto: string; bia: string };
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  t = await createTestDb();
  ids.agencyA = (await insertImobiliaria(t.db, { slug: "aud-a", nome: "Auditoria A" })).id;
  ids.agencyB = (await insertImobiliaria(t.db, { slug: "aud-b", nome: "Auditoria B" })).id;
  const hash = bcrypt.hashSync("segredo", 4);
  const user = async (email: string, nome: string, imobiliariaId: string) =>
    (await insertUsuario(t.db, { email, nome, senhaHash: hash, papel: "admin", imobiliariaId })).id;
  ids.ana = await user("ana@aud.test", "Ana", ids.agencyA);
  ids.beto = await user("beto@aud.test", "Beto", ids.agencyA);
  ids.bia = await user("bia@aud.test", "Bia", ids.agencyB);
  const row = (usuarioId: string, acao: string, criadoEm: string, imobiliariaId = ids.agencyA) =>
    insertAuditoria(t.db, {
      imobiliariaId,
      usuarioId,
      acao,
      alvoTipo: "integracao",
      alvoId: "int_x",
      criadoEm: at(criadoEm),
    });
  // Three rows share one instant: the page boundary must not lose or repeat any of them.
  await row(ids.ana, "integracao.segredo_trocado", "2026-12-01T12:00:00.000Z");
  await row(ids.beto, "integracao.segredo_trocado", "2026-12-02T12:00:00.000Z");
  await row(ids.ana, "configuracao.alterada", "2026-12-02T12:00:00.000Z");
  await row(ids.beto, "configuracao.alterada", "2026-12-02T12:00:00.000Z");
  await row(ids.ana, "integracao.segredo_trocado", "2026-12-04T02:30:00.000Z"); // 03/12 23:30 in São Paulo
  await row(ids.bia, "integracao.segredo_trocado", "2026-12-03T12:00:00.000Z", ids.agencyB);
});
afterAll(async () => {
  await t?.cleanup();
});

async function all(busca: AuditoriaBusca, limit: number) {
  const seen = [];
  let apos;
  for (let i = 0; i < 10; i++) {
    const page = await listAuditoria(t.db, ids.agencyA, busca, { limit, apos });
    seen.push(...page.itens);
    if (!page.proximos) break;
    apos = page.proximos;
  }
  return seen;
}

describe("listAuditoria", () => {
  it("lists only the agency's rows, newest first, with who did it", async () => {
    const { itens, proximos } = await listAuditoria(t.db, ids.agencyA, {}, { limit: 50 });
    expect(itens).toHaveLength(5);
    expect(proximos).toBeNull();
    expect(itens.map((r) => r.usuarioNome)).not.toContain("Bia");
    expect(itens[0]).toMatchObject({ usuarioNome: "Ana", criadoEm: at("2026-12-04T02:30:00.000Z") });
    expect(itens.at(-1)!.criadoEm).toEqual(at("2026-12-01T12:00:00.000Z"));
  });

  it("pages of two walk every row once, in order, across rows of the same instant", async () => {
    const paged = await all({}, 2);
    const whole = (await listAuditoria(t.db, ids.agencyA, {}, { limit: 50 })).itens;
    expect(paged.map((r) => r.id)).toEqual(whole.map((r) => r.id));
  });

  it("filters by action, by user and by period (São Paulo days, 'até' inclusive)", async () => {
    const byAcao = await all({ acao: "configuracao.alterada" }, 50);
    expect(byAcao.map((r) => r.acao)).toEqual(["configuracao.alterada", "configuracao.alterada"]);
    const byUser = await all({ usuarioId: ids.beto }, 50);
    expect(byUser.map((r) => r.usuarioNome)).toEqual(["Beto", "Beto"]);
    const dia3 = localDayRange("2026-12-03", "America/Sao_Paulo")!;
    const noDia3 = await all({ desde: dia3.start, antes: dia3.end }, 50);
    expect(noDia3.map((r) => r.criadoEm)).toEqual([at("2026-12-04T02:30:00.000Z")]);
    expect(await all({ usuarioId: ids.bia }, 50)).toEqual([]);
  });

  it("offers as filter choices only the agency's actions and people", async () => {
    const opcoes = await listAuditoriaOpcoes(t.db, ids.agencyA);
    expect(opcoes.acoes).toEqual(["configuracao.alterada", "integracao.segredo_trocado"]);
    expect(opcoes.usuarios.map((u) => u.nome)).toEqual(["Ana", "Beto"]);
  });
});
