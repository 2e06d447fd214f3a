// /eventos as a manager reads it: for each event the decision's reason in pt-BR (the lead page's words)
// and what came of it — the message(s) with their status and a link, or why none went.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertCorretor } from "@/lib/db/testing/corretores";
import { markEventosAgrupadosFromDigests, markRetidasAgrupadasFromDigests } from "@/lib/db/testing/digest-links";
import { insertLead } from "@/lib/db/testing/leads";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import type { Corretor } from "@/lib/db/queries/corretores";
import {
  cancelEventosNaoDecididos,
  insertEvento,
  markEventoDecididoIfPending,
  type NovoEvento,
} from "@/lib/db/queries/eventos";
import { insertImobiliaria } from "@/lib/db/queries/imobiliarias";
import { insertMensagemOnce, type NovaMensagem } from "@/lib/db/queries/mensagens";
import { loadEventosPagina, type EventoItem } from "./load-eventos";

let t: TestDb;
let agency: string;
let carla: Corretor;
let rodrigo: Corretor;
const ids: Record<string, string> = {};

// 2026-03-10 13:mm UTC = 10:mm in São Paulo.
const at = (min: number) => new Date(Date.UTC(2026, 2, 10, 13, min));
const opcoes = () => ({
  limiares: { quente: 70, morno: 40 },
  timezone: "America/Sao_Paulo",
  corretores: [carla, rodrigo],
});

beforeAll(async () => {
  t = await createTestDb();
  agency = (await insertImobiliaria(t.db, { slug: "load-eventos", nome: "A" })).id;
  const other = (await insertImobiliaria(t.db, { slug: "load-eventos-b", nome: "B" })).id;
  carla = await insertCorretor(t.db, { imobiliariaId: agency, nome: "Carla", telefone: "+5511900070001" });
  rodrigo = await insertCorretor(t.db, { imobiliariaId: agency, nome: "Rodrigo", telefone: "+5511900070002" });
  const estranho = await insertCorretor(t.db, { imobiliariaId: other, nome: "Outro", telefone: "+5511900070003" });

  const lead = async (nome: string, score: number, corretorId = carla.id) =>
    (await insertLead(t.db, { imobiliariaId: agency, corretorId, nome, telefone: "+5511987650010", score })).id;
  const evento = async (key: string, leadId: string, min: number, over: Partial<NovoEvento> = {}) => {
    ids[key] = (
      await insertEvento(t.db, {
        imobiliariaId: agency,
        tipo: "novo_lead",
        urgencia: "alta",
        corretorId: carla.id,
        leadId,
        titulo: "Novo lead",
        descricao: "",
        acaoRecomendada: "",
        dataDeteccao: at(min),
        ...over,
      })
    ).id;
    return ids[key]!;
  };
  const mensagem = async (key: string, over: Partial<NovaMensagem> & Pick<NovaMensagem, "status">) => {
    ids[key] = (
      await insertMensagemOnce(t.db, {
        imobiliariaId: agency,
        corretorId: carla.id,
        tipo: "alerta",
        destino: "+5511900070001",
        corpo: "oi",
        idempotencyKey: key,
        criadoEm: at(30),
        ...over,
      })
    ).mensagem.id;
    return ids[key]!;
  };

  const quente = await evento("quente", await lead("Quente", 85), 1);
  const alerta = await mensagem("alerta", { status: "outbox", eventoId: quente });
  await markEventoDecididoIfPending(t.db, quente, { acao: "agora", mensagemIds: [alerta], cota: "liberada" });

  const retido = await evento("retido", await lead("Retido", 90), 2);
  const retida = await mensagem("retida", { status: "retida_cota", eventoId: retido });
  await markEventoDecididoIfPending(t.db, retido, { acao: "agora", mensagemIds: [retida], cota: "retida" });

  const morno = await evento("morno", await lead("Morno", 52), 3);
  await markEventoDecididoIfPending(t.db, morno, { acao: "agrupar", mensagemIds: [] });
  const morno2 = await evento("morno2", await lead("Morno 2", 55), 4);
  await markEventoDecididoIfPending(t.db, morno2, { acao: "agrupar", mensagemIds: [] });
  await mensagem("digest", { status: "entregue", tipo: "agrupada", eventoIds: [morno2, retido] });
  await markEventosAgrupadosFromDigests(t.db);
  await markRetidasAgrupadasFromDigests(t.db);

  const noturno = await evento("agendado", await lead("Noturno", 80), 5);
  const agendada = await mensagem("agendada", {
    status: "agendada",
    eventoId: noturno,
    scheduledFor: new Date(Date.UTC(2026, 2, 11, 11, 0)),
  });
  await markEventoDecididoIfPending(t.db, noturno, {
    acao: "agendar",
    mensagemIds: [agendada],
    quando: new Date(Date.UTC(2026, 2, 11, 11, 0)).toISOString(),
    motivo: "fora_do_expediente",
    decididoEm: at(5).toISOString(),
  });

  // Passed on to Rodrigo before Orquestrador decided it.
  const passado = await lead("Passado", 75, rodrigo.id);
  await evento("cancelado", passado, 6);
  await cancelEventosNaoDecididos(t.db, { corretorId: carla.id, leadIds: [passado] }, { em: at(7).toISOString() });

  await evento("pendente", await lead("Pendente", 60), 8);

  // A decision naming another agency's message shows nothing of it.
  const alheia = (
    await insertMensagemOnce(t.db, {
      imobiliariaId: other,
      corretorId: estranho.id,
      tipo: "alerta",
      destino: "+5511900070003",
      corpo: "oi",
      status: "outbox",
      idempotencyKey: "alheia",
    })
  ).mensagem.id;
  const estranhoEvt = await evento("estranho", await lead("Estranho", 85), 9);
  await markEventoDecididoIfPending(t.db, estranhoEvt, { acao: "agora", mensagemIds: [alheia] });
});
afterAll(async () => {
  await t?.cleanup();
});

async function itens(corretorId: string | null = null): Promise<Map<string, EventoItem>> {
  const page = await loadEventosPagina(t.db, { imobiliariaId: agency, corretorId }, {}, { limit: 50 }, opcoes());
  return new Map(page.itens.map((i) => [i.id, i]));
}

describe("loadEventosPagina", () => {
  it("says why a hot lead's alert went at once, and links the message", async () => {
    const item = (await itens()).get(ids.quente!)!;
    expect(item.decisao).toBe("enviada na hora porque o score 85 é quente");
    expect(item.estado.rotulo).toBe("Decidido");
    expect(item.mensagens).toEqual([
      {
        id: ids.alerta,
        rotulo: "Alerta de lead",
        status: { rotulo: "Na caixa de saída", tom: "info" },
        href: `/mensagens?corretor=${carla.id}&de=2026-03-10&ate=2026-03-10`,
      },
    ]);
    expect(item.lead).toEqual({ id: expect.any(String), nome: "Quente", href: expect.stringMatching(/^\/leads\//) });
  });

  it("shows an alert held by the quota, and the digest that told it later", async () => {
    const item = (await itens()).get(ids.retido!)!;
    expect(item.decisao).toBe("retida pela cota diária (5/5)");
    expect(item.mensagens.map((m) => [m.id, m.status.rotulo])).toEqual([
      [ids.retida, "Retida pela cota diária"],
      [ids.digest, "Entregue"],
    ]);
  });

  it("says a warm lead waits for the next digest, and names the digest once it went", async () => {
    const all = await itens();
    expect(all.get(ids.morno!)).toMatchObject({
      decisao: "agrupada porque o score 52 é morno",
      mensagens: [],
      semMensagem: "Nenhuma mensagem ainda: aguarda a próxima mensagem agrupada.",
    });
    expect(all.get(ids.morno2!)!.mensagens.map((m) => m.rotulo)).toEqual(["Leads agrupados"]);
  });

  it("says when a scheduled alert goes and why", async () => {
    const item = (await itens()).get(ids.agendado!)!;
    expect(item.decisao).toBe("agendada para 11/03 08:00: fora do expediente");
    expect(item.mensagens[0]!.status.rotulo).toBe("Agendada para 11/03/2026 08:00");
  });

  it("says an event was cancelled because the lead was passed on, and one still waiting", async () => {
    const all = await itens();
    expect(all.get(ids.cancelado!)).toMatchObject({
      estado: { rotulo: "Cancelado" },
      decisao: "cancelada: o lead foi passado para outro corretor antes do envio",
      semMensagem: "Nenhuma mensagem: o lead foi passado a outro corretor antes do envio.",
    });
    expect(all.get(ids.pendente!)).toMatchObject({
      estado: { rotulo: "Aguardando decisão" },
      decisao: null,
      semMensagem: "Nenhuma mensagem ainda: o Orquestrador ainda não decidiu.",
    });
  });

  it("never shows another agency's message, even when a decision names it", async () => {
    expect((await itens()).get(ids.estranho!)!.mensagens).toEqual([]);
  });

  it("shows a broker their events, but not the name of a lead since passed to a colleague", async () => {
    const daCarla = await itens(carla.id);
    expect(daCarla.size).toBe(8);
    expect(daCarla.get(ids.cancelado!)!.lead).toEqual({ id: expect.any(String), nome: null, href: null });
    expect(daCarla.get(ids.quente!)!.lead?.nome).toBe("Quente");
    expect((await itens(rodrigo.id)).size).toBe(0);
  });
});
