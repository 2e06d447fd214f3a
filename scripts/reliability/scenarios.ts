// The five load-and-failure scenarios of `npm run test:reliability`, each on an agency of its own,
// against the running app. Each returns the figures it measured, with what was expected of each.
import type { DbHandle } from "@/lib/db/client";
import type { CreateStep, FakeTwilioServer } from "@/lib/whatsapp/testing/fake-twilio-server";
import type { AppEnv, RunningApp } from "./app-process";
import { accepted, deliverAll, makeLead, type Delivery, type Lead, type LeadKind } from "./deliveries";
import { readLedger, untilSettled, type Ledger } from "./ledger";
import type { OwnRedis } from "./redis-process";
import { seedScenarioAgency, type ScenarioAgency } from "./seed";

export type Figure = { medida: string; esperado: string; obtido: string; ok: boolean };
export type ScenarioResult = { cenario: string; figures: Figure[]; ms: number };

export type SuiteContext = {
  handle: DbHandle;
  fake: FakeTwilioServer;
  redis: OwnRedis;
  appEnv: AppEnv;
  app: RunningApp;
  /** Starts the app again after a kill (same database, Redis, fake Twilio and log file). */
  restartApp(): Promise<RunningApp>;
  runId: string;
  agencies: Map<number, ScenarioAgency>;
  /** Every lead a scenario delivered: the log check looks for each one's phone, e-mail and name. */
  people: Lead[];
};

const fig = (medida: string, esperado: number | string, obtido: number | string, ok?: boolean): Figure => ({
  medida,
  esperado: String(esperado),
  obtido: String(obtido),
  ok: ok ?? String(esperado) === String(obtido),
});

const SETTLE_MS = 240_000;

function leadsOf(ctx: SuiteContext, index: number, count: number, kind: (i: number) => LeadKind): Lead[] {
  const leads = Array.from({ length: count }, (_, i) => makeLead(index, ctx.runId, i, kind(i)));
  ctx.people.push(...leads);
  return leads;
}

const mixed = (i: number): LeadKind => (["quente", "morno", "frio"] as const)[i % 3]!;

/** The figures every scenario ends with: nothing left undone, nothing sent twice. */
function settledFigures(settled: boolean, ledger: Ledger): Figure[] {
  return [
    fig("eventos e envios pendentes ao fim", 0, ledger.eventosPendentes + ledger.aEnviar, settled),
    fig("mensagens duplicadas no Twilio falso", 0, ledger.duplicates),
    fig("enviadas sem registro no Twilio falso", 0, ledger.semEntrega),
  ];
}

async function timed(cenario: string, run: () => Promise<Figure[]>): Promise<ScenarioResult> {
  const started = Date.now();
  const figures = await run();
  return { cenario, figures, ms: Date.now() - started };
}

/** Brokers and daily limit per scenario index. All agencies exist before the app starts. */
const AGENCIES: Record<number, { brokers: number; limiteDiario: number }> = {
  1: { brokers: 1, limiteDiario: 50 },
  2: { brokers: 1, limiteDiario: 5 },
  // ~50 leads each, a third hot: the quota fills while Redis is down (the Postgres count) and after
  // it comes back empty (the catch-up from today's rows).
  3: { brokers: 20, limiteDiario: 10 },
  4: { brokers: 10, limiteDiario: 50 },
  5: { brokers: 10, limiteDiario: 50 },
};

export async function seedAgencies(handle: DbHandle, runId: string): Promise<Map<number, ScenarioAgency>> {
  const out = new Map<number, ScenarioAgency>();
  for (const [index, shape] of Object.entries(AGENCIES)) {
    const i = Number(index);
    out.set(i, await seedScenarioAgency(handle, { index: i, slug: `confiab-${runId}-${i}`, ...shape }));
  }
  return out;
}

function agency(ctx: SuiteContext, index: number): ScenarioAgency {
  const a = ctx.agencies.get(index);
  if (!a) throw new Error(`cenário ${index} sem imobiliária`);
  return a;
}

/** The same delivery 1,000 times at once: one lead, one message. */
export function sameDelivery(ctx: SuiteContext): Promise<ScenarioResult> {
  return timed("1.000 entregas idênticas ao mesmo tempo", async () => {
    const a = agency(ctx, 1);
    const [lead] = leadsOf(ctx, 1, 1, () => "quente");
    const answers = await deliverAll(ctx.app.url, a, Array<Lead>(1000).fill(lead!), { concurrency: 100 });
    const { ledger, settled } = await untilSettled(ctx.handle.db, ctx.fake, a, SETTLE_MS);
    return [
      fig("respostas 2xx", 1000, answers.filter(accepted).length),
      fig("respostas 5xx ou sem resposta", 0, answers.filter((d) => d.status === null || d.status >= 500).length),
      fig("leads no Postgres", 1, ledger.leads),
      fig("mensagens que chegaram ao Twilio falso", 1, ledger.landed),
      ...settledFigures(settled, ledger),
    ];
  });
}

/** 50 hot leads at once for one broker: exactly the daily limit goes, the rest is held, none lost. */
export function hotLeadsOneBroker(ctx: SuiteContext): Promise<ScenarioResult> {
  return timed("50 leads quentes ao mesmo tempo para um corretor", async () => {
    const a = agency(ctx, 2);
    const answers = await deliverAll(
      ctx.app.url,
      a,
      leadsOf(ctx, 2, 50, () => "quente"),
      { concurrency: 50 },
    );
    const { ledger, settled } = await untilSettled(ctx.handle.db, ctx.fake, a, SETTLE_MS);
    return [
      fig("respostas 2xx", 50, answers.filter(accepted).length),
      fig("leads no Postgres", 50, ledger.leads),
      fig("alertas enviados (= limite diário)", a.limiteDiario, ledger.landed),
      fig("alertas retidos pela cota", 50 - a.limiteDiario, ledger.mensagens.retida_cota ?? 0),
      fig("leads sem alerta enviado nem retido", 0, 50 - ledger.landed - (ledger.mensagens.retida_cota ?? 0)),
      ...settledFigures(settled, ledger),
    ];
  });
}

/** The app's Redis killed during 1,000 leads and started again (empty, as Redis without persistence). */
export function redisDown(ctx: SuiteContext): Promise<ScenarioResult> {
  return timed("Redis parado durante 1.000 leads e reiniciado", async () => {
    const a = agency(ctx, 3);
    let downAt = -1;
    let upAt = -1;
    const answers = await deliverAll(ctx.app.url, a, leadsOf(ctx, 3, 1000, mixed), {
      concurrency: 20,
      onDelivered: async (_, done) => {
        if (done === 250) {
          downAt = done;
          await ctx.redis.stop();
        }
        if (done === 600) {
          upAt = done;
          await ctx.redis.start();
        }
      },
    });
    const { ledger, settled } = await untilSettled(ctx.handle.db, ctx.fake, a, SETTLE_MS);
    const acked = answers.filter(accepted);
    return [
      fig("Redis parado e reiniciado (após a entrega nº)", "250 / 600", `${downAt} / ${upAt}`),
      fig("respostas 2xx", 1000, acked.length),
      fig("leads com 2xx ausentes do Postgres", 0, lostLeads(acked, ledger)),
      fig(
        `maior dia de um corretor (limite ${a.limiteDiario})`,
        `≤ ${a.limiteDiario}`,
        ledger.maiorDia,
        ledger.cotaExcedida === 0,
      ),
      fig(
        "retidas pela cota (a cota foi posta à prova)",
        "> 0",
        ledger.mensagens.retida_cota ?? 0,
        (ledger.mensagens.retida_cota ?? 0) > 0,
      ),
      ...settledFigures(settled, ledger),
    ];
  });
}

const lostLeads = (acked: Delivery[], ledger: Ledger) =>
  acked.filter((d) => !d.leadId || !ledger.leadIds.has(d.leadId)).length;

/** A seeded stream of Twilio misbehaviour: errors, rate limits, lost answers and timeouts. */
function twilioChaos(seed: number): () => CreateStep {
  let s = seed;
  const random = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return () => {
    const r = random();
    if (r < 0.12) return { kind: "error", status: 500 };
    if (r < 0.22) return { kind: "error", status: 429, code: 20429, message: "Too Many Requests" };
    if (r < 0.3) return { kind: "drop" }; // created, answer lost
    if (r < 0.33) return { kind: "hang", create: true }; // created, no answer until the client gives up
    if (r < 0.35) return { kind: "hang", create: false };
    return { kind: "ok" };
  };
}

/** The fake Twilio answering 500s, 429s, dropped answers and timeouts: retried, never sent twice. */
export function twilioFailures(ctx: SuiteContext): Promise<ScenarioResult> {
  return timed("Twilio com 500, 429, respostas perdidas e timeouts", async () => {
    const a = agency(ctx, 4);
    ctx.fake.setDefaultCreate(twilioChaos(4));
    try {
      const answers = await deliverAll(
        ctx.app.url,
        a,
        leadsOf(ctx, 4, 300, () => "quente"),
        { concurrency: 10 },
      );
      const { ledger, settled } = await untilSettled(ctx.handle.db, ctx.fake, a, SETTLE_MS);
      const enviadas = (ledger.mensagens.enviada ?? 0) + (ledger.mensagens.entregue ?? 0);
      return [
        fig("respostas 2xx", 300, answers.filter(accepted).length),
        fig("chamadas ao Twilio falso (com as repetições)", "> enviadas", ledger.creates, ledger.creates > enviadas),
        fig("alertas enviados", 300, enviadas),
        fig("mensagens que chegaram ao Twilio falso", enviadas, ledger.landed),
        fig("mensagens falhas ou incertas", 0, (ledger.mensagens.falhou ?? 0) + (ledger.mensagens.incerta ?? 0)),
        ...settledFigures(settled, ledger),
      ];
    } finally {
      ctx.fake.setDefaultCreate(null);
    }
  });
}

/** SIGKILL mid-load while sends are in flight, then a restart and the portal's redeliveries. */
export function killMidLoad(ctx: SuiteContext): Promise<ScenarioResult> {
  return timed("app morto com SIGKILL no meio da carga e reiniciado", async () => {
    const a = agency(ctx, 5);
    // Slow answers keep sends `enviando` when the kill comes: the case a restart has to resolve.
    let n = 0;
    ctx.fake.setDefaultCreate(() => ({ kind: "ok", delayMs: 100 + ((n++ * 137) % 500) }));
    try {
      const leads = leadsOf(ctx, 5, 400, (i) => (i % 4 === 3 ? "morno" : "quente"));
      let killedAt = -1;
      const first = await deliverAll(ctx.app.url, a, leads, {
        concurrency: 20,
        onDelivered: async (_, done) => {
          if (done !== 150) return;
          killedAt = done;
          await ctx.app.kill();
        },
      });
      const ackedBeforeKill = first.filter(accepted);
      const sendingAtKill = (await readLedger(ctx.handle.db, ctx.fake, a, new Date())).enviando;
      ctx.app = await ctx.restartApp();
      // A portal delivers again what got no 2xx: the lead is recorded once either way.
      const retry = first.filter((d) => !accepted(d)).map((d) => d.lead);
      const second = await deliverAll(ctx.app.url, a, retry, { concurrency: 20 });
      const { ledger, settled } = await untilSettled(ctx.handle.db, ctx.fake, a, SETTLE_MS);
      return [
        fig(
          "morto após a entrega nº (envios em andamento)",
          150,
          `${killedAt} (${sendingAtKill} enviando)`,
          killedAt === 150,
        ),
        fig("leads com 2xx antes do kill ausentes do Postgres", 0, lostLeads(ackedBeforeKill, ledger)),
        fig("reentregas aceitas após o reinício", retry.length, second.filter(accepted).length),
        fig("leads no Postgres", 400, ledger.leads),
        fig("mensagens presas em enviando", 0, ledger.enviando),
        ...settledFigures(settled, ledger),
      ];
    } finally {
      ctx.fake.setDefaultCreate(null);
    }
  });
}
