// Manual actions on one message, against the real database, the KV quota counter and a fake Twilio
// at the HTTP boundary: each changes the row once, audits it with ids only, and leads to at most one
// provider call per attempt, whoever clicks twice.
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { captureDispatch } from "@/agents/conselheiro/inbound/testing/twilio-inbound";
import { throwingKv } from "@/agents/orquestrador/testing/orquestrador-fixture";
import { listAuditoriaDoAlvo } from "@/lib/db/queries/auditoria";
import { getMensagemById, type Mensagem } from "@/lib/db/queries/mensagens";
import { mensagens, type MensagemStatus, type Papel } from "@/lib/db/schema";
import { createKv } from "@/lib/kv";
import { kvKeys } from "@/lib/kv/keys";
import type { Kv } from "@/lib/kv/types";
import { runManualAction, type AcaoManualInput, type ManualActor } from "./manual-actions";
import { sendMensagem } from "./send-mensagem";
import { OUTSIDE_WINDOW, UNCONFIRMED } from "./send-policy";
import { BROKER_PHONE, newPendente, registerSendHarness, seedBroker, twilioClientFor } from "./testing/send-fixtures";

const h = registerSendHarness();
let kv: Kv;
let recorder = captureDispatch();
beforeEach(() => {
  kv = createKv({ driver: "memory" });
  recorder = captureDispatch();
});

type Broker = { imobiliariaId: string; corretorId: string };
const manager = (b: Broker, papel: Papel = "gestor"): ManualActor => ({
  scope: { imobiliariaId: b.imobiliariaId, corretorId: null },
  usuarioId: `usr_${papel}`,
  papel,
});
const brokerLogin = (b: Broker): ManualActor => ({
  scope: { imobiliariaId: b.imobiliariaId, corretorId: b.corretorId },
  usuarioId: "usr_corretor",
  papel: "corretor",
});
const act = (actor: ManualActor, input: AcaoManualInput, kvStore: Kv = kv) =>
  runManualAction({ db: h.t.db, kv: kvStore, dispatch: recorder.dispatch, now: h.clock.now }, actor, input);
const row = (b: Broker, status: MensagemStatus, over: Parameters<typeof newPendente>[2] = {}) =>
  newPendente(h.t.db, b, { status, criadoEm: h.clock.now(), ...over });
const setRow = (m: Mensagem, set: Partial<Mensagem>) => h.t.db.update(mensagens).set(set).where(eq(mensagens.id, m.id));
const reload = async (m: Mensagem) => (await getMensagemById(h.t.db, m.id))!;
const audits = (m: Mensagem) => listAuditoriaDoAlvo(h.t.db, m.imobiliariaId, { tipo: "mensagem", id: m.id });
const quotaCounter = (b: Broker) => kv.get(kvKeys.mensagensDia(b.corretorId, h.clock.now()).key);
const sender = () => ({ db: h.t.db, whatsapp: twilioClientFor(h.fake), now: h.clock.now });

/** A broker whose day is full: the default limit (5) of alerts already out today. */
async function brokerWithFullDay(): Promise<Broker & { limite: number }> {
  const b = await seedBroker(h.t.db);
  for (let i = 0; i < 5; i++) await row(b, "enviada");
  return { ...b, limite: 5 };
}

describe("Enviar agora (a held alert)", () => {
  it("moves it to pendente, counts it past the broker's limit, audits the override and dispatches one send", async () => {
    const b = await brokerWithFullDay();
    const retida = await row(b, "retida_cota");

    const result = await act(manager(b), { mensagemId: retida.id, acao: "enviar_agora" });

    expect(result).toMatchObject({ kind: "feito", cota: { usada: 6, limite: 5 }, jaAgrupada: false });
    expect(await reload(retida)).toMatchObject({ status: "pendente", scheduledFor: h.clock.now() });
    expect(await quotaCounter(b)).toBe("6");
    expect(recorder.calls).toEqual([
      {
        name: "message/send",
        data: { mensagemId: retida.id, corretorId: b.corretorId },
        idempotencyKey: expect.stringContaining(retida.id),
      },
    ]);
    const [audit, ...more] = await audits(retida);
    expect(more).toHaveLength(0);
    expect(audit).toMatchObject({
      usuarioId: "usr_gestor",
      acao: "mensagem.enviar_agora",
      alvoId: retida.id,
      detalhes: {
        papel: "gestor",
        corretorId: b.corretorId,
        de: "retida_cota",
        para: "pendente",
        cotaUsada: 6,
        cotaLimite: 5,
        acimaDoLimite: true,
      },
    });
    // Ids, codes and counts only: neither the broker's phone nor the message text.
    const stored = JSON.stringify(audit);
    expect(stored).not.toContain(BROKER_PHONE.slice(3));
    expect(stored).not.toContain("Mariana");

    // The pipeline then sends it, once.
    expect(await sendMensagem(sender(), retida.id)).toEqual({ outcome: "enviada" });
    expect(h.fake.landed({ body: retida.corpo })).toBe(1);
  });

  it("two managers clicking at once: one change, one slot, one audit row, one send", async () => {
    const b = await brokerWithFullDay();
    const retida = await row(b, "retida_cota");
    const input = { mensagemId: retida.id, acao: "enviar_agora" } as const;

    const results = await Promise.all([act(manager(b), input), act(manager(b, "admin"), input)]);

    expect(results.map((r) => r.kind).sort()).toEqual(["feito", "status_mudou"]);
    expect(await quotaCounter(b)).toBe("6");
    expect(await audits(retida)).toHaveLength(1);
    expect(recorder.calls).toHaveLength(1);
    await Promise.all([sendMensagem(sender(), retida.id), sendMensagem(sender(), retida.id)]);
    expect(h.fake.landed({ body: retida.corpo })).toBe(1);
  });

  it("still allowed when a digest already told the lead, and says so", async () => {
    const b = await seedBroker(h.t.db);
    const retida = await row(b, "retida_cota");
    await setRow(retida, { mensagemAgrupadaId: "msg_digest1" });

    const result = await act(manager(b, "admin"), { mensagemId: retida.id, acao: "enviar_agora" });

    expect(result).toMatchObject({ kind: "feito", jaAgrupada: true, cota: { usada: 1 } });
    expect((await audits(retida))[0]?.detalhes).toMatchObject({ agrupadaId: "msg_digest1" });
  });

  it("with the KV down, counts in Postgres and still sends", async () => {
    const b = await brokerWithFullDay();
    const retida = await row(b, "retida_cota");
    const result = await act(manager(b), { mensagemId: retida.id, acao: "enviar_agora" }, throwingKv());
    expect(result).toMatchObject({ kind: "feito", cota: { usada: 6, limite: 5 } });
    expect((await reload(retida)).status).toBe("pendente");
  });

  it("is refused to a broker, even on their own alert; nothing changes", async () => {
    const b = await seedBroker(h.t.db);
    const retida = await row(b, "retida_cota");
    expect(await act(brokerLogin(b), { mensagemId: retida.id, acao: "enviar_agora" })).toEqual({
      kind: "sem_permissao",
    });
    expect((await reload(retida)).status).toBe("retida_cota");
    expect(await quotaCounter(b)).toBeNull();
    expect(await audits(retida)).toHaveLength(0);
    expect(recorder.calls).toHaveLength(0);
  });

  it("answers status_mudou for a message no longer held", async () => {
    const b = await seedBroker(h.t.db);
    const enviada = await row(b, "enviada");
    expect(await act(manager(b), { mensagemId: enviada.id, acao: "enviar_agora" })).toEqual({
      kind: "status_mudou",
      atual: "enviada",
    });
    expect(await quotaCounter(b)).toBeNull();
  });
});

describe("scope", () => {
  it("another broker's message, another agency's, or none at all: not found, and nothing changes", async () => {
    const b = await seedBroker(h.t.db);
    const outraAgencia = await seedBroker(h.t.db);
    const falhou = await row(b, "falhou");
    const colega = { imobiliariaId: b.imobiliariaId, corretorId: outraAgencia.corretorId };

    for (const actor of [brokerLogin(colega), manager(outraAgencia, "admin")]) {
      expect(await act(actor, { mensagemId: falhou.id, acao: "tentar_de_novo" })).toEqual({ kind: "nao_encontrado" });
    }
    expect(await act(manager(b), { mensagemId: "msg_nao_existe", acao: "tentar_de_novo" })).toEqual({
      kind: "nao_encontrado",
    });
    expect((await reload(falhou)).status).toBe("falhou");
    expect(await audits(falhou)).toHaveLength(0);
    expect(recorder.calls).toHaveLength(0);
  });
});

describe("Tentar de novo (a failed message)", () => {
  it("the broker retries their own: back to pendente, one more attempt, one provider call", async () => {
    const b = await seedBroker(h.t.db);
    const falhou = await row(b, "falhou");
    await setRow(falhou, { erroCodigo: "21211", erroMensagem: "número inválido", tentativas: 2 });

    const result = await act(brokerLogin(b), { mensagemId: falhou.id, acao: "tentar_de_novo" });

    expect(result).toMatchObject({ kind: "feito", acao: "tentar_de_novo" });
    expect(await reload(falhou)).toMatchObject({ status: "pendente", erroCodigo: null, erroMensagem: null });
    expect((await audits(falhou))[0]).toMatchObject({
      usuarioId: "usr_corretor",
      detalhes: { de: "falhou", para: "pendente", erroAnterior: "21211", tentativas: 2 },
    });
    expect(recorder.calls).toHaveLength(1);
    expect(await act(brokerLogin(b), { mensagemId: falhou.id, acao: "tentar_de_novo" })).toEqual({
      kind: "status_mudou",
      atual: "pendente",
    });
    expect(await sendMensagem(sender(), falhou.id)).toEqual({ outcome: "enviada" });
    expect(await reload(falhou)).toMatchObject({ status: "enviada", tentativas: 3 });
    expect(h.fake.creates).toHaveLength(1);
  });

  it("keeps a row refused for the 24-hour window template-bound", async () => {
    const b = await seedBroker(h.t.db);
    const falhou = await row(b, "falhou");
    await setRow(falhou, { erroCodigo: OUTSIDE_WINDOW });
    await act(manager(b), { mensagemId: falhou.id, acao: "tentar_de_novo" });
    expect((await reload(falhou)).erroCodigo).toBe(OUTSIDE_WINDOW);
  });
});

describe("Resolver incerta (admin)", () => {
  async function incerta(b: Broker) {
    const m = await row(b, "incerta");
    await setRow(m, { erroCodigo: UNCONFIRMED, tentativas: 2 });
    return m;
  }

  it("Chegou: marks it enviada without sending anything", async () => {
    const b = await seedBroker(h.t.db);
    const m = await incerta(b);
    expect(await act(manager(b, "admin"), { mensagemId: m.id, acao: "chegou" })).toMatchObject({ kind: "feito" });
    expect(await reload(m)).toMatchObject({ status: "enviada", erroCodigo: null });
    expect(recorder.calls).toHaveLength(0);
    expect(h.fake.creates).toHaveLength(0);
    expect((await audits(m))[0]).toMatchObject({
      acao: "mensagem.chegou",
      detalhes: { de: "incerta", para: "enviada", semEnvio: true },
    });
  });

  it("Reenviar: sends again at once (no lookup first), audited as an accepted duplicate", async () => {
    const b = await seedBroker(h.t.db);
    const m = await incerta(b);
    expect(await act(manager(b, "admin"), { mensagemId: m.id, acao: "reenviar" })).toMatchObject({ kind: "feito" });
    expect(await reload(m)).toMatchObject({ status: "pendente", erroCodigo: null });
    expect((await audits(m))[0]).toMatchObject({ detalhes: { aceitaDuplicata: true, erroAnterior: UNCONFIRMED } });
    expect(recorder.calls).toHaveLength(1);
    // The lookup is what failed before: even with the provider's list down, the resend goes out once.
    h.fake.scriptLists({ kind: "error", status: 500 });
    expect(await sendMensagem(sender(), m.id)).toEqual({ outcome: "enviada" });
    expect(h.fake.creates).toHaveLength(1);
    expect(h.fake.listCalls).toBe(0);
  });

  it("is the admin's alone: a gestor and the broker get sem_permissao", async () => {
    const b = await seedBroker(h.t.db);
    const m = await incerta(b);
    for (const actor of [manager(b, "gestor"), brokerLogin(b)]) {
      for (const acao of ["chegou", "reenviar"] as const) {
        expect(await act(actor, { mensagemId: m.id, acao })).toEqual({ kind: "sem_permissao" });
      }
    }
    expect((await reload(m)).status).toBe("incerta");
    expect(await audits(m)).toHaveLength(0);
  });
});
