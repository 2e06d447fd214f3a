// Turns the Orquestrador's demo decisions into `mensagens` rows: alerts and reminders at once (or at
// the next shift), warm leads grouped per broker window, and one morning summary per broker and day.
// Grouping state crosses lead chunks, so the data does not depend on the chunk size.
import type { InferInsertModel } from "drizzle-orm";
import { TZDate } from "@date-fns/tz";
import { isOnDuty, nextDutyStart } from "@/lib/time/working-hours";
import { newId } from "@/lib/ids";
import type { MensagemStatus, mensagens } from "@/lib/db/schema";
import type { BrokerRef } from "./generate-base";
import type { LeadBundle } from "./generate-lead";
import { WINDOW_DAYS, type LeadClock } from "./lead-clock";
import type { Aviso } from "./lead-timeline";
import { createRandom, deriveSeed, type Random, type Weighted } from "./random";
import * as t from "./texts";
import { leadButtons } from "@/agents/conselheiro/message-types";

type MensagemRow = InferInsertModel<typeof mensagens>;
type Group = { corretor: BrokerRef; startNominal: number; startAt: Date; avisos: Aviso[] };

const MIN = 60_000;
const SENT_STATUS: Weighted<MensagemStatus> = [["outbox", 42], ["entregue", 24], ["lida", 30], ["falhou", 4]];
const SUMMARY_STATUS: Weighted<MensagemStatus> = [["outbox", 45], ["entregue", 25], ["lida", 30]];
// Day counters per broker: new leads, hot leads, visit requests.
const COUNTERS = 3;

export type PlannerOptions = {
  seed: number; agencyId: string; now: Date; timezone: string; clock: LeadClock; brokers: BrokerRef[]; scoreQuente: number;
};

export class MessagePlanner {
  private readonly groups = new Map<string, Group>();
  private readonly daily = new Map<string, Int32Array>();

  constructor(private readonly o: PlannerOptions) {
    for (const b of o.brokers) this.daily.set(b.id, new Int32Array((WINDOW_DAYS + 1) * COUNTERS));
  }

  /** The messages that one lead's events produce now; grouped ones wait for their window to close. */
  add(bundle: LeadBundle, rng: Random): MensagemRow[] {
    const counters = this.daily.get(bundle.corretor.id)!;
    const at = bundle.dayIndex * COUNTERS;
    counters[at] = counters[at]! + 1;
    if ((bundle.lead.score ?? 0) >= this.o.scoreQuente) counters[at + 1] = counters[at + 1]! + 1;
    if (bundle.eventos.some((e) => e.tipo === "visita_solicitada")) counters[at + 2] = counters[at + 2]! + 1;

    const out: MensagemRow[] = [];
    for (const aviso of bundle.avisos) {
      if (aviso.decisao !== "agrupar") {
        out.push(this.single(aviso, bundle.corretor, rng));
        continue;
      }
      const janela = bundle.corretor.prefs.agrupamento.janelaMinutos * MIN;
      const open = this.groups.get(bundle.corretor.id);
      if (open && aviso.nominal - open.startNominal <= janela && open.avisos.length < bundle.corretor.prefs.agrupamento.tamanhoMaximo) {
        open.avisos.push(aviso);
        continue;
      }
      if (open) out.push(...this.close(open, rng));
      this.groups.set(bundle.corretor.id, { corretor: bundle.corretor, startNominal: aviso.nominal, startAt: aviso.at, avisos: [aviso] });
    }
    return out;
  }

  /** Closes the groups still open and writes the daily summaries. */
  finish(): MensagemRow[] {
    const rng = createRandom(deriveSeed(this.o.seed, 9));
    const out: MensagemRow[] = [];
    for (const g of this.groups.values()) out.push(...this.close(g, rng));
    this.groups.clear();
    for (const b of this.o.brokers) out.push(...this.summaries(b, rng));
    return out;
  }

  private single(aviso: Aviso, corretor: BrokerRef, rng: Random): MensagemRow {
    const tipo = aviso.decisao === "lembrete" ? "lembrete" : "alerta";
    const createdAt = new Date(Math.min(aviso.at.getTime() + 2000, this.o.now.getTime()));
    const row = this.row(rng, corretor, createdAt, aviso.enviarEm ?? createdAt, aviso.decisao === "retido");
    return {
      ...row, leadId: aviso.leadId, eventoId: aviso.eventoId, eventoIds: [aviso.eventoId], tipo, corpo: aviso.corpo,
      // The same quick replies the app's own templates send, so a demo broker's tap works too.
      botoes: leadButtons(aviso.leadId),
      idempotencyKey: `${aviso.eventoId}:${corretor.id}:${tipo}`,
    };
  }

  private close(g: Group, rng: Random): MensagemRow[] {
    const janelaMin = g.corretor.prefs.agrupamento.janelaMinutos;
    const closeAt = new Date(g.startAt.getTime() + janelaMin * MIN);
    // A window still open has no message yet: the app's grouping sweep writes it when it closes.
    if (closeAt.getTime() > this.o.now.getTime()) return [];
    const prefs = g.corretor.prefs;
    const sendAt = isOnDuty(prefs, closeAt, this.o.timezone) ? closeAt : nextDutyStart(prefs, closeAt, this.o.timezone);
    const row = this.row(rng, g.corretor, closeAt, sendAt, false);
    const first = g.avisos[0]!;
    return [{
      ...row, leadId: g.avisos.length === 1 ? first.leadId : null, eventoId: null, eventoIds: g.avisos.map((a) => a.eventoId),
      tipo: "agrupada", corpo: t.agrupadaCorpo(g.avisos.map((a) => a.lead), janelaMin), botoes: [],
      idempotencyKey: `agrupada:${g.corretor.id}:${first.eventoId}`,
    }];
  }

  private summaries(b: BrokerRef, rng: Random): MensagemRow[] {
    const counters = this.daily.get(b.id)!;
    const [hh, mm] = b.prefs.horario.inicio.split(":").map(Number);
    const out: MensagemRow[] = [];
    // Day d's summary covers day d+1; today's may not have gone out yet, so it starts at yesterday.
    for (let d = 58; d >= 1; d--) {
      if (!b.ativo && d < b.recebeDesdeDia) continue;
      const novos = counters[(d + 1) * COUNTERS]!;
      if (novos === 0) continue;
      const day = new TZDate(this.o.clock.dayStart(d), this.o.timezone);
      const at = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), hh ?? 8, mm ?? 0, 0, this.o.timezone);
      const sentAt = new Date(at.getTime());
      const label = t.formatDateTime(new Date(this.o.clock.dayStart(d + 1)), this.o.timezone, false);
      const row = this.row(rng, b, sentAt, sentAt, false, SUMMARY_STATUS);
      const firstName = b.nome.split(" ")[0]!;
      out.push({
        ...row, leadId: null, eventoId: null, eventoIds: [], tipo: "resumo",
        corpo: t.resumoCorpo(firstName, label, novos, counters[(d + 1) * COUNTERS + 1]!, counters[(d + 1) * COUNTERS + 2]!),
        idempotencyKey: `resumo:${b.id}:${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, "0")}-${String(day.getDate()).padStart(2, "0")}`,
      });
    }
    return out;
  }

  /**
   * Delivery fields. Every random value is drawn whatever the branch, so a different `now` (which
   * only decides whether a send is still in the future) cannot shift the rest of the data.
   */
  private row(rng: Random, corretor: BrokerRef, createdAt: Date, sendAt: Date, retido: boolean, weights = SENT_STATUS) {
    const id = newId("msg", createdAt.getTime(), rng.bytes(16));
    const drawn = rng.weighted(weights);
    const sid = `SM${rng.bytes(16).toString("hex")}`;
    const sendDelay = rng.int(1, 4) * 1000;
    const readDelay = rng.int(1, 120) * MIN;
    const now = this.o.now.getTime();
    const sentAt = new Date(Math.min(sendAt.getTime() + sendDelay, now));
    const base = {
      id, imobiliariaId: this.o.agencyId, corretorId: corretor.id, destino: corretor.telefone,
      criadoEm: createdAt, templateSid: null, templateVariaveis: null,
    };
    if (retido) return { ...base, status: "retida_cota" as const, tentativas: 0, atualizadoEm: createdAt };
    if (sendAt.getTime() > now) return { ...base, status: "agendada" as const, scheduledFor: sendAt, tentativas: 0, atualizadoEm: createdAt };
    const scheduledFor = sendAt.getTime() > createdAt.getTime() ? sendAt : null;
    if (drawn === "outbox") return { ...base, status: drawn, scheduledFor, sentAt, tentativas: 1, atualizadoEm: sentAt };
    if (drawn === "falhou") {
      return { ...base, status: drawn, scheduledFor, providerSid: sid, tentativas: 1, erroCodigo: "63016", erroMensagem: t.ERRO_63016, atualizadoEm: sentAt };
    }
    const updated = new Date(Math.min(sentAt.getTime() + (drawn === "lida" ? readDelay : sendDelay), now));
    return { ...base, status: drawn, scheduledFor, providerSid: sid, sentAt, tentativas: 1, atualizadoEm: updated };
  }
}
