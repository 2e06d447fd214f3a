// The board's move as the server sees it: a broker moves their own lead (the timeline gets its line,
// the board is redrawn); a broker posting a colleague's lead, or another agency's manager, gets the
// 404 a missing lead gets, and nothing changes; a lost lead needs its reason.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Scope } from "@/lib/auth/scope";
import { useDbForTests } from "@/lib/db/client";
import { insertImobiliaria } from "@/lib/db/queries/imobiliarias";
import { getLeadById } from "@/lib/db/queries/leads";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { insertCorretor } from "@/lib/db/testing/corretores";
import { listInteracoesByLead } from "@/lib/db/testing/interacoes";
import { insertLead } from "@/lib/db/testing/leads";
import { ESTADO_INICIAL } from "@/lib/painel/acao-estado";

const session = vi.hoisted(() => ({ scope: null as Scope | null }));
vi.mock("@/lib/auth/authorize", () => ({
  requireScope: async () => ({
    viewer: { userId: "usr_teste", nome: "Quem move", papel: session.scope?.corretorId ? "corretor" : "gestor" },
    scope: session.scope,
  }),
}));
const revalidated = vi.hoisted(() => [] as string[]);
vi.mock("next/cache", () => ({ revalidatePath: (p: string) => revalidated.push(p) }));

const { moverNoFunilAction } = await import("./actions");

let t: TestDb;
let agency: string;
let other: string;
let carla: string;
let rodrigo: string;

beforeAll(async () => {
  t = await createTestDb();
  useDbForTests(t);
  agency = (await insertImobiliaria(t.db, { slug: "funil-acao-a", nome: "A" })).id;
  other = (await insertImobiliaria(t.db, { slug: "funil-acao-b", nome: "B" })).id;
  carla = (await insertCorretor(t.db, { imobiliariaId: agency, nome: "Carla", telefone: "+5511900080001" })).id;
  rodrigo = (await insertCorretor(t.db, { imobiliariaId: agency, nome: "Rodrigo", telefone: "+5511900080002" })).id;
});
afterAll(async () => {
  useDbForTests(null);
  await t?.cleanup();
});
beforeEach(() => {
  revalidated.length = 0;
});

const leadDe = (corretorId: string) =>
  insertLead(t.db, {
    imobiliariaId: agency,
    corretorId,
    nome: "Maria",
    telefone: "+5511976543210",
    status: "em_contato",
  });

function form(fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

async function expect404(promise: Promise<unknown>) {
  await expect(promise).rejects.toMatchObject({ digest: expect.stringMatching(/404/) });
}

describe("moverNoFunilAction", () => {
  it("moves the broker's own lead, writes the timeline line and redraws the board and the lead page", async () => {
    const lead = await leadDe(carla);
    session.scope = { imobiliariaId: agency, corretorId: carla };
    const estado = await moverNoFunilAction(
      ESTADO_INICIAL,
      form({ leadId: lead.id, de: "em_contato", para: "visita_agendada", visitaEm: "2030-12-12T10:00" }),
    );
    expect(estado).toEqual({ ok: true, mensagem: "Status alterado para “Visita agendada”.", leadId: lead.id });
    expect((await getLeadById(t.db, agency, lead.id))?.status).toBe("visita_agendada");
    const [linha] = await listInteracoesByLead(t.db, lead.id);
    expect(linha?.conteudo).toContain("visita marcada para 12/12/2030 10:00");
    expect(revalidated).toEqual(expect.arrayContaining(["/funil", `/leads/${lead.id}`]));
  });

  it("answers a broker who posts a colleague's lead with 404, and nothing changes", async () => {
    const lead = await leadDe(rodrigo);
    session.scope = { imobiliariaId: agency, corretorId: carla };
    await expect404(moverNoFunilAction(ESTADO_INICIAL, form({ leadId: lead.id, de: "em_contato", para: "fechado" })));
    expect((await getLeadById(t.db, agency, lead.id))?.status).toBe("em_contato");
    expect(await listInteracoesByLead(t.db, lead.id)).toEqual([]);
  });

  it("answers another agency's manager with 404, and nothing changes", async () => {
    const lead = await leadDe(carla);
    session.scope = { imobiliariaId: other, corretorId: null };
    await expect404(
      moverNoFunilAction(ESTADO_INICIAL, form({ leadId: lead.id, de: "em_contato", para: "perdido", motivo: "x" })),
    );
    expect((await getLeadById(t.db, agency, lead.id))?.status).toBe("em_contato");
  });

  it("lets the agency's manager move any broker's lead", async () => {
    const lead = await leadDe(rodrigo);
    session.scope = { imobiliariaId: agency, corretorId: null };
    const estado = await moverNoFunilAction(
      ESTADO_INICIAL,
      form({ leadId: lead.id, de: "em_contato", para: "proposta" }),
    );
    expect(estado.ok).toBe(true);
    expect((await getLeadById(t.db, agency, lead.id))?.status).toBe("proposta");
  });

  it("refuses a move to perdido without a reason, beside the field", async () => {
    const lead = await leadDe(carla);
    session.scope = { imobiliariaId: agency, corretorId: carla };
    const estado = await moverNoFunilAction(
      ESTADO_INICIAL,
      form({ leadId: lead.id, de: "em_contato", para: "perdido" }),
    );
    expect(estado).toMatchObject({ ok: false, erros: { motivo: "Diga por que o lead foi perdido." } });
    expect((await getLeadById(t.db, agency, lead.id))?.status).toBe("em_contato");
  });

  it("says so when the lead was moved meanwhile, and leaves it where it is", async () => {
    const lead = await leadDe(carla);
    session.scope = { imobiliariaId: agency, corretorId: carla };
    const estado = await moverNoFunilAction(ESTADO_INICIAL, form({ leadId: lead.id, de: "novo", para: "em_contato" }));
    expect(estado).toMatchObject({ ok: false, mensagem: "O lead já estava em “Em contato”. A página foi atualizada." });
    expect((await getLeadById(t.db, agency, lead.id))?.status).toBe("em_contato");
  });
});
