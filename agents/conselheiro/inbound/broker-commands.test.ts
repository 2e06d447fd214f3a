// Integration: the typed commands (resumo, pausar, retomar, ajuda, anything else), posted as
// Twilio's signed inbound-text body, against a real database and an in-memory KV.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "@/agents/orquestrador/testing/orquestrador-fixture";
import { getCorretorById, updatePreferencias } from "@/lib/db/queries/corretores";
import { insertMensagemOnce } from "@/lib/db/queries/mensagens";
import { leads, mensagens } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { createKv } from "@/lib/kv";
import { respondToTwilioWebhook } from "../../../app/api/webhooks/twilio/receive-twilio-webhook";
import {
  captureDispatch,
  createInboundScene,
  createLead,
  newSid,
  twilioForm,
  withSid,
  type InboundScene,
} from "./testing/twilio-inbound";
import {
  AUTH_TOKEN,
  PUBLIC_BASE_URL,
  signedTwilioRequest,
} from "../../../app/api/webhooks/twilio/testing/signed-twilio-request";

/** Friday 2026-11-27 18:00 in São Paulo (UTC−3). */
const FRI_1800 = new Date("2026-11-27T21:00:00Z");
let t: TestDb;
let s: InboundScene;
const clock = fixedClock(FRI_1800);
const kv = createKv({ driver: "memory" });
let recorder = captureDispatch();

beforeAll(async () => {
  t = await createTestDb();
  s = await createInboundScene(t.db);
  await updatePreferencias(t.db, s.agency.id, s.paulo.id, {
    horario: { inicio: "08:00", fim: "20:00" },
    dias: [1, 2, 3, 4, 5],
  });
});
beforeEach(() => {
  clock.set(FRI_1800);
  recorder = captureDispatch();
});
afterAll(async () => t?.cleanup());

async function say(body: string): Promise<string> {
  const params = withSid(twilioForm("inbound-text", { Body: body }), newSid());
  const deps = {
    db: t.db,
    kv,
    now: clock.now,
    dispatch: recorder.dispatch,
    authToken: AUTH_TOKEN,
    publicBaseUrl: PUBLIC_BASE_URL,
  };
  expect((await respondToTwilioWebhook(deps, signedTwilioRequest(params))).status).toBe(200);
  const [resposta] = await t.db
    .select()
    .from(mensagens)
    .where(eq(mensagens.idempotencyKey, `resposta:${params.MessageSid}`));
  expect(resposta).toMatchObject({ tipo: "resposta", status: "pendente", corretorId: s.paulo.id });
  expect(recorder.calls.at(-1)).toMatchObject({ name: "message/send", data: { mensagemId: resposta!.id } });
  return resposta!.corpo;
}
const pausadoAte = async () => (await getCorretorById(t.db, s.agency.id, s.paulo.id))?.preferencias.pausadoAte;

describe("pausar / retomar", () => {
  it("'pausar' holds alerts until the next working day's start", async () => {
    expect(await pausadoAte()).toBeNull();
    const corpo = await say("Pausar");
    // Friday evening → Monday 30/11 08:00 São Paulo.
    expect(await pausadoAte()).toBe("2026-11-30T11:00:00.000Z");
    expect(corpo).toBe("⏸️ Alertas pausados até 30/11 às 8h. Envie *retomar* para voltar antes.");
  });

  it("'pausar 2h' and 'pausar até 19h30' set that instant; a pause it cannot read changes nothing", async () => {
    await say("pausar 2h");
    expect(await pausadoAte()).toBe("2026-11-27T23:00:00.000Z");
    expect(await say("pausar até 19h30")).toMatch(/até hoje às 19h30/);
    expect(await pausadoAte()).toBe("2026-11-27T22:30:00.000Z");
    expect(await say("pausar para sempre")).toMatch(/Não entendi por quanto tempo/);
    expect(await pausadoAte()).toBe("2026-11-27T22:30:00.000Z");
  });

  it("'retomar' clears the pause; a second one says alerts were already on", async () => {
    await say("pausar");
    expect(await say("RETOMAR")).toMatch(/Alertas retomados/);
    expect(await pausadoAte()).toBeNull();
    expect(await say("retomar")).toMatch(/já estavam ativos/);
  });
});

describe("resumo", () => {
  it("sends today's summary now: the day's leads by temperature, those without contact, alerts the quota held", async () => {
    const today = (h: number) => new Date(Date.UTC(2026, 10, 27, h + 3));
    const quente = await createLead(t.db, s.agency, s.paulo.id, { at: today(9), score: 85, nome: "Ana Quente" });
    const morno = await createLead(t.db, s.agency, s.paulo.id, { at: today(10), score: 55, nome: "Beto Morno" });
    await createLead(t.db, s.agency, s.paulo.id, { at: today(0.5), score: 20, nome: "Caio Frio" });
    await createLead(t.db, s.agency, s.paulo.id, {
      at: new Date("2026-11-27T02:30:00Z"),
      score: 90,
      nome: "Dani Ontem",
    }); // 23:30 on the 26th
    await createLead(t.db, s.agency, s.bruna.id, { at: today(11), score: 90, nome: "Edu DaBruna" });
    await t.db.update(leads).set({ status: "em_contato" }).where(eq(leads.id, morno.id));
    await insertMensagemOnce(t.db, {
      imobiliariaId: s.agency.id,
      corretorId: s.paulo.id,
      leadId: quente.id,
      tipo: "alerta",
      destino: s.paulo.telefone,
      corpo: "🔥 Novo lead: Ana",
      status: "retida_cota",
      idempotencyKey: `retida:${quente.id}`,
      criadoEm: today(9),
    });

    const corpo = await say("Resumo");
    expect(corpo).toContain("*Resumo do dia 27/11*");
    expect(corpo).toContain("Novos leads: 3 (1 quentes, 1 mornos, 1 frios)");
    expect(corpo).toContain("Contatados: 1");
    expect(corpo).toMatch(/Leads frios, só no resumo \(1\):\*\n• \*Caio Frio\*/);
    expect(corpo).toMatch(/1 alerta retido pelo limite de 5 por dia:\*\n• \*Ana Quente\*/);
    expect(corpo).not.toMatch(/Dani Ontem|Edu DaBruna|Beto Morno/);
  });
});

describe("ajuda and anything else", () => {
  it("'ajuda' lists the commands; other text gets a short hint", async () => {
    const ajuda = await say("ajuda");
    for (const comando of ["*resumo*", "*pausar*", "*retomar*", "*ajuda*", "*Já contatei*"])
      expect(ajuda).toContain(comando);
    expect(await say("Já liguei para a Mariana, visita marcada sábado 10h")).toBe(
      "Não entendi 🤔. Envie *ajuda* para ver os comandos.",
    );
  });
});
