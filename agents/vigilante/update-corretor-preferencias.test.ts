// A broker's settings changed from the dashboard, as the people involved would notice: what each role
// may change, the pt-BR message beside a refused field, the audit trail, and nothing for other agencies.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Scope } from "@/lib/auth/scope";
import { getCorretorById } from "@/lib/db/queries/corretores";
import { listAuditoriaDoAlvo } from "@/lib/db/queries/auditoria";
import { getImobiliariaByIdCached, insertImobiliaria } from "@/lib/db/queries/imobiliarias";
import { corretores } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { insertCorretor } from "@/lib/db/testing/corretores";
import { updateCorretorPreferencias, type AjustesCorretor } from "./update-corretor-preferencias";

let t: TestDb;
let agency: string;
let outraAgencia: string;
let carla: string;
let diego: string;

const agora = new Date(Date.UTC(2026, 2, 10, 12, 0));
const gestor = () => ({ scope: { imobiliariaId: agency, corretorId: null } as Scope, usuarioId: "usr_gestor" });
const comoCarla = () => ({ scope: { imobiliariaId: agency, corretorId: carla } as Scope, usuarioId: "usr_carla" });
const form = (over: Partial<AjustesCorretor> = {}): AjustesCorretor => ({
  corretorId: carla,
  inicio: "08:00",
  fim: "20:00",
  dias: [1, 2, 3, 4, 5, 6],
  janelaMinutos: 30,
  tamanhoMaximo: 5,
  silencio: "respeitar",
  ...over,
});

beforeAll(async () => {
  t = await createTestDb();
  agency = (await insertImobiliaria(t.db, { slug: "prefs-a", nome: "A" })).id;
  outraAgencia = (await insertImobiliaria(t.db, { slug: "prefs-b", nome: "B" })).id;
  carla = (await insertCorretor(t.db, { imobiliariaId: agency, nome: "Carla", telefone: "+5511900030001" })).id;
  diego = (await insertCorretor(t.db, { imobiliariaId: agency, nome: "Diego", telefone: "+5511900030002" })).id;
});
afterAll(() => t.cleanup());
beforeEach(async () => {
  await t.db.update(corretores).set({ preferencias: null, ativo: true }).where(eq(corretores.id, carla));
});

const carlaAgora = async () => (await getCorretorById(t.db, agency, carla))!;

describe("updateCorretorPreferencias", () => {
  it("a manager changes the daily limit, hours and active flag; the audit row has before → after, ids and settings only", async () => {
    const r = await updateCorretorPreferencias(
      t.db,
      gestor(),
      form({ limiteDiario: 1, inicio: "09:00", fim: "18:00", ativo: false }),
      agora,
    );
    expect(r).toMatchObject({ kind: "feito", campos: ["limiteDiario", "horario", "ativo"] });
    const c = await carlaAgora();
    expect(c.preferencias).toMatchObject({ limiteDiario: 1, horario: { inicio: "09:00", fim: "18:00" } });
    expect(c.ativo).toBe(false);
    const [linha, ...resto] = await listAuditoriaDoAlvo(t.db, agency, { tipo: "corretor", id: carla });
    expect(resto).toHaveLength(0);
    expect(linha).toMatchObject({ usuarioId: "usr_gestor", acao: "corretor.preferencias" });
    expect(linha?.detalhes).toEqual({
      campos: "limiteDiario,horario,ativo",
      "limiteDiario.antes": 5,
      "limiteDiario.depois": 1,
      "horario.antes": "08:00-20:00",
      "horario.depois": "09:00-18:00",
      "ativo.antes": true,
      "ativo.depois": false,
    });
    expect(JSON.stringify(linha)).not.toMatch(/Carla|\+55/);
  });

  it("a broker pauses themselves for a week and changes their days; the limit stays", async () => {
    const r = await updateCorretorPreferencias(t.db, comoCarla(), form({ pausa: "1s", dias: [5, 1, 1] }), agora);
    expect(r.kind).toBe("feito");
    const c = await carlaAgora();
    expect(c.preferencias.pausadoAte).toBe("2026-03-17T12:00:00.000Z");
    expect(c.preferencias.dias).toEqual([1, 5]);
    expect(c.preferencias.limiteDiario).toBe(5);
  });

  it("'por 1 dia', 'até …' and 'sem pausa' set and clear the pause; 'manter' keeps it", async () => {
    await updateCorretorPreferencias(t.db, comoCarla(), form({ pausa: "1d" }), agora);
    expect((await carlaAgora()).preferencias.pausadoAte).toBe("2026-03-11T12:00:00.000Z");
    await updateCorretorPreferencias(t.db, comoCarla(), form({ inicio: "07:00" }), agora);
    expect((await carlaAgora()).preferencias.pausadoAte).toBe("2026-03-11T12:00:00.000Z");
    const ate = new Date(Date.UTC(2026, 2, 20, 11, 0));
    await updateCorretorPreferencias(t.db, comoCarla(), form({ pausa: "ate", pausaAte: ate }), agora);
    expect((await carlaAgora()).preferencias.pausadoAte).toBe(ate.toISOString());
    await updateCorretorPreferencias(t.db, comoCarla(), form({ pausa: "nenhuma" }), agora);
    expect((await carlaAgora()).preferencias.pausadoAte).toBeNull();
  });

  it("a broker who posts the daily limit or the active flag is refused with a message beside the field, and nothing changes", async () => {
    const trilha = () => listAuditoriaDoAlvo(t.db, agency, { tipo: "corretor", id: carla });
    const antes = (await trilha()).length;
    const r = await updateCorretorPreferencias(
      t.db,
      comoCarla(),
      form({ limiteDiario: 50, ativo: true, inicio: "06:00" }),
      agora,
    );
    expect(r).toEqual({
      kind: "sem_permissao",
      erros: {
        limiteDiario: "Só gestores e administradores mudam o limite diário.",
        ativo: "Só gestores e administradores ativam ou desativam corretores.",
      },
    });
    const c = await carlaAgora();
    expect(c.preferencias).toMatchObject({ limiteDiario: 5, horario: { inicio: "08:00" } });
    expect(await trilha()).toHaveLength(antes);
  });

  it("invalid fields come back in pt-BR, one message per field, and nothing is written", async () => {
    const r = await updateCorretorPreferencias(
      t.db,
      gestor(),
      form({ limiteDiario: 0, inicio: "8h", dias: [], janelaMinutos: Number.NaN, pausa: "ate" }),
      agora,
    );
    expect(r).toEqual({
      kind: "invalido",
      erros: {
        limiteDiario: "De 1 a 50 mensagens por dia.",
        inicio: "Use HH:MM, de 00:00 a 23:59.",
        dias: "Escolha ao menos um dia.",
        janelaMinutos: "Informe um número.",
      },
    });
    const fimAntes = await updateCorretorPreferencias(t.db, gestor(), form({ inicio: "20:00", fim: "08:00" }), agora);
    expect(fimAntes).toEqual({ kind: "invalido", erros: { fim: "O fim do expediente deve ser depois do início." } });
    const semData = await updateCorretorPreferencias(t.db, gestor(), form({ pausa: "ate" }), agora);
    expect(semData).toEqual({ kind: "invalido", erros: { pausaAte: "Informe até quando." } });
    const passado = await updateCorretorPreferencias(
      t.db,
      gestor(),
      form({ pausa: "ate", pausaAte: new Date(agora.getTime() - 60_000) }),
      agora,
    );
    expect(passado).toEqual({ kind: "invalido", erros: { pausaAte: "Escolha um momento no futuro." } });
    expect((await carlaAgora()).preferencias.horario.inicio).toBe("08:00");
  });

  it("another broker's id and another agency's manager get not found, and nothing changes", async () => {
    const comoDiego = { scope: { imobiliariaId: agency, corretorId: diego } as Scope, usuarioId: "usr_diego" };
    expect(await updateCorretorPreferencias(t.db, comoDiego, form({ pausa: "1s" }), agora)).toEqual({
      kind: "nao_encontrado",
    });
    const outroGestor = { scope: { imobiliariaId: outraAgencia, corretorId: null } as Scope, usuarioId: "usr_b" };
    expect(await updateCorretorPreferencias(t.db, outroGestor, form({ limiteDiario: 2 }), agora)).toEqual({
      kind: "nao_encontrado",
    });
    expect((await carlaAgora()).preferencias).toMatchObject({ limiteDiario: 5, pausadoAte: null });
  });

  it("a manager sets the roleta weight: the routing reads it at once (agency memo dropped), audited before → after", async () => {
    expect((await getImobiliariaByIdCached(t.db, agency))?.configuracoes.pesosRoleta[carla]).toBeUndefined();
    const r = await updateCorretorPreferencias(t.db, gestor(), form({ pesoRoleta: 3 }), agora);
    expect(r).toMatchObject({ kind: "feito", campos: ["pesoRoleta"] });
    expect((await getImobiliariaByIdCached(t.db, agency))?.configuracoes.pesosRoleta[carla]).toBe(3);
    const [linha] = await listAuditoriaDoAlvo(t.db, agency, { tipo: "corretor", id: carla });
    expect(linha?.detalhes).toEqual({ campos: "pesoRoleta", "pesoRoleta.antes": 1, "pesoRoleta.depois": 3 });
    expect(await updateCorretorPreferencias(t.db, gestor(), form({ pesoRoleta: 11 }), agora)).toEqual({
      kind: "invalido",
      erros: { pesoRoleta: "De 0 a 10." },
    });
    expect(await updateCorretorPreferencias(t.db, comoCarla(), form({ pesoRoleta: 10 }), agora)).toEqual({
      kind: "sem_permissao",
      erros: { pesoRoleta: "Só gestores e administradores mudam o peso na roleta." },
    });
    expect((await getImobiliariaByIdCached(t.db, agency))?.configuracoes.pesosRoleta[carla]).toBe(3);
  });

  it("saving the form unchanged writes no audit row", async () => {
    const antes = (await listAuditoriaDoAlvo(t.db, agency, { tipo: "corretor", id: carla })).length;
    expect(await updateCorretorPreferencias(t.db, gestor(), form({ limiteDiario: 5 }), agora)).toMatchObject({
      kind: "feito",
      campos: [],
    });
    expect(await listAuditoriaDoAlvo(t.db, agency, { tipo: "corretor", id: carla })).toHaveLength(antes);
  });
});
