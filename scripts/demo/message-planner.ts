// Turns the Orquestrador's demo decisions into `mensagens` rows under the rules the product enforces:
// each broker's daily quota (São Paulo day; alerts beyond it are `retida_cota` and go out in the
// next day's first digest), quiet hours (sends wait for the next shift), warm leads grouped per
// broker window, and one morning summary per broker and day. Decisions run in time order across
// lead chunks (a TimeQueue), so the data does not depend on the chunk size. The planner also hands
// back the events it decides on, each with its digest link (`mensagem_agrupada_id`) already set.
import type { InferInsertModel } from "drizzle-orm";
import { TZDate } from "@date-fns/tz";
import { isOnDuty, nextDutyStart } from "@/lib/time/working-hours";
import type { eventos, mensagens } from "@/lib/db/schema";
import { quotaDayBounds } from "@/agents/orquestrador/take-quota";
import { leadButtons } from "@/agents/conselheiro/compose/message-types";
import { retornoKey } from "@/lib/db/queries/evento-context";
import { saoPauloDay } from "@/lib/kv/keys";
import type { BrokerRef } from "./generate-base";
import type { LeadBundle } from "./generate-lead";
import { WINDOW_DAYS, type LeadClock } from "./lead-clock";
import { MOTIVO_RETIDO, type Aviso } from "./lead-timeline";
import { createRandom, deriveSeed, type Random } from "./random";
import { deliveryFields, SUMMARY_STATUS } from "./message-row";
import { TimeQueue } from "./time-queue";
import * as t from "./texts";

type MensagemRow = InferInsertModel<typeof mensagens>;
type EventoRow = InferInsertModel<typeof eventos>;
/** One decision to make: the aviso, the event row it came from (held back until it is final), the lead's random stream. */
type Item = {
  aviso: Aviso;
  corretor: BrokerRef;
  evento: EventoRow | null;
  rng: Random;
  retida?: MensagemRow;
  /** In a window or held, not yet told: counted in `aguardandoPorLead`. */
  aguarda?: boolean;
};
type Group = { startNominal: number; startAt: Date; items: Item[] };
type BrokerState = {
  corretor: BrokerRef;
  /** Quota slots used, by start of the São Paulo day. */
  used: Map<number, number>;
  group: Group | null;
  /** Held alerts and warm events whose digest found no slot: the next digest tells them. */
  waiting: Item[];
  /** When the next digest for `waiting` may go out (the first shift of the next quota day). */
  waitingDueAt: number | null;
};

export type PlannedRows = { eventos: EventoRow[]; mensagens: MensagemRow[] };

const MIN = 60_000;
// Day counters per broker: new leads, hot leads, visit requests.
const COUNTERS = 3;

export type PlannerOptions = {
  seed: number;
  agencyId: string;
  now: Date;
  timezone: string;
  clock: LeadClock;
  brokers: BrokerRef[];
  scoreQuente: number;
};

export class MessagePlanner {
  private readonly daily = new Map<string, Int32Array>();
  private readonly brokers = new Map<string, BrokerState>();
  private readonly queue = new TimeQueue<Item>();
  private readonly rng: Random;
  /** Per lead: until when its latest alert still waits (scheduled or not yet sent), as decide-repeat.ts sees it. */
  private readonly alertaAguardaAte = new Map<string, number>();
  /** The "voltou a perguntar" keys already taken (`retorno:{lead}:{corretor}:{dia}`). */
  private readonly retornos = new Set<string>();
  /** Per lead: its items in an open window or held by the quota (a count, so a repeat's check costs no scan). */
  private readonly aguardandoPorLead = new Map<string, number>();
  private out: PlannedRows = { eventos: [], mensagens: [] };

  constructor(private readonly o: PlannerOptions) {
    this.rng = createRandom(deriveSeed(o.seed, 9));
    for (const b of o.brokers) {
      this.daily.set(b.id, new Int32Array((WINDOW_DAYS + 1) * COUNTERS));
      this.brokers.set(b.id, { corretor: b, used: new Map(), group: null, waiting: [], waitingDueAt: null });
    }
  }

  /**
   * Takes one lead's events; returns the events and messages now final. Everything that happened
   * before this lead arrived is decided, since no later lead can bring an earlier event.
   */
  add(bundle: LeadBundle, rng: Random): PlannedRows {
    const counters = this.daily.get(bundle.corretor.id)!;
    const at = bundle.dayIndex * COUNTERS;
    counters[at] = counters[at]! + 1;
    if ((bundle.lead.score ?? 0) >= this.o.scoreQuente) counters[at + 1] = counters[at + 1]! + 1;
    if (bundle.eventos.some((e) => e.tipo === "visita_solicitada")) counters[at + 2] = counters[at + 2]! + 1;

    const byId = new Map(bundle.eventos.map((e) => [e.id!, e]));
    const held = new Set<string>();
    for (const aviso of bundle.avisos) {
      // A reminder's event never changes; the others wait for their decision and digest link.
      const evento = aviso.decisao === "lembrete" ? null : byId.get(aviso.eventoId)!;
      if (evento) held.add(aviso.eventoId);
      this.queue.push(aviso.at.getTime(), { aviso, corretor: bundle.corretor, evento, rng });
    }
    for (const e of bundle.eventos) if (!held.has(e.id!)) this.out.eventos.push(e);
    this.advance(bundle.lead.dataPrimeiroContato!.getTime());
    return this.drain();
  }

  /** Decides what is left up to `now`, releases what still waits (as the app would find it) and writes the daily summaries. */
  finish(): PlannedRows {
    const now = this.o.now.getTime();
    this.advance(now);
    for (const s of this.brokers.values()) {
      // A window still open, or held alerts with no slot yet: the app's grouping sweep takes them.
      for (const item of [...(s.group?.items ?? []), ...s.waiting]) this.release(item);
      s.group = null;
      s.waiting = [];
    }
    for (const b of this.o.brokers) this.out.mensagens.push(...this.summaries(b));
    return this.drain();
  }

  private drain(): PlannedRows {
    const rows = this.out;
    this.out = { eventos: [], mensagens: [] };
    return rows;
  }

  /** Decides, in time order, every event and digest due up to `until`. */
  private advance(until: number): void {
    while (this.queue.peekAt() <= until) {
      const item = this.queue.pop()!;
      this.runDigestsDue(item.aviso.at.getTime());
      this.decide(item);
    }
    this.runDigestsDue(until);
  }

  private runDigestsDue(until: number): void {
    for (const s of this.brokers.values()) {
      for (;;) {
        const closeAt = s.group
          ? s.group.startAt.getTime() + s.corretor.prefs.agrupamento.janelaMinutos * MIN
          : Infinity;
        const due = Math.min(closeAt, s.waitingDueAt ?? Infinity);
        if (due > until) break;
        if (closeAt <= due) this.closeGroup(s, new Date(closeAt));
        else this.sendWaiting(s, new Date(due));
      }
    }
  }

  private decide(item: Item): void {
    const s = this.brokers.get(item.corretor.id)!;
    const { aviso } = item;
    if (aviso.decisao === "lembrete") {
      this.out.mensagens.push(this.single(item, null));
      return;
    }
    if (aviso.eventoTipo === "lead_retorno") {
      const motivo = this.repeatMotivo(item);
      if (motivo) {
        // Timeline only: no message, no quota slot, as the Orquestrador records a repeat with nothing new.
        this.recordDecision(item, { tipo: "repetida", acao: "repetida", motivo, mensagemIds: [] }, true);
        this.release(item);
        return;
      }
    }
    if (aviso.decisao !== "agrupar") {
      this.alert(s, item);
      return;
    }
    const { janelaMinutos, tamanhoMaximo } = s.corretor.prefs.agrupamento;
    if (s.group && aviso.nominal - s.group.startNominal > janelaMinutos * MIN) {
      this.closeGroup(s, new Date(s.group.startAt.getTime() + janelaMinutos * MIN));
    }
    if (!s.group) s.group = { startNominal: aviso.nominal, startAt: aviso.at, items: [] };
    s.group.items.push(item);
    this.markWaiting(item);
    // In the Orquestrador's terms too, so the app's grouping sweep finds what still waits at `now`.
    const janelaFechaEm = new Date(s.group.startAt.getTime() + janelaMinutos * MIN).toISOString();
    this.recordDecision(item, { acao: "agrupar", janelaFechaEm });
    // A full group is due at once, as the grouping sweep treats it.
    if (s.group.items.length >= tamanhoMaximo) this.closeGroup(s, aviso.at);
  }

  /**
   * Why a repeat gets no message (decide-repeat.ts): the lead's earlier alert, digest line or held
   * alert still waits, or today's "voltou a perguntar" already exists. Null: it takes today's key.
   */
  private repeatMotivo(item: Item): "aguardando_envio" | "ja_avisado_hoje" | null {
    const { aviso } = item;
    const at = aviso.at.getTime();
    if (this.aguardandoPorLead.has(aviso.leadId) || (this.alertaAguardaAte.get(aviso.leadId) ?? 0) > at)
      return "aguardando_envio";
    const key = this.retornoKeyOf(item);
    if (this.retornos.has(key)) return "ja_avisado_hoje";
    this.retornos.add(key);
    return null;
  }

  /** The repeat's key names the São Paulo day it goes out (the next shift's, when it waits for one). */
  private retornoKeyOf({ aviso, corretor }: Item): string {
    const createdAt = new Date(Math.min(aviso.at.getTime() + 2000, this.o.now.getTime()));
    return retornoKey(aviso.leadId, corretor.id, saoPauloDay(aviso.enviarEm ?? createdAt));
  }

  /** An alert now (or at the next shift): one quota slot of the São Paulo day it goes out, or held. */
  private alert(s: BrokerState, item: Item): void {
    const now = this.o.now.getTime();
    const createdAt = new Date(Math.min(item.aviso.at.getTime() + 2000, now));
    const sendAt = item.aviso.enviarEm ?? createdAt;
    // Scheduled rows take their slot when released (release-scheduled); one still in the future has none yet.
    if (sendAt.getTime() > now || this.takeSlot(s, sendAt)) {
      const row = this.single(item, null);
      this.out.mensagens.push(row);
      // Until it has gone out a repeat of the lead only joins its history.
      this.alertaAguardaAte.set(
        item.aviso.leadId,
        row.status === "agendada" ? Infinity : (row.sentAt ?? row.atualizadoEm ?? createdAt).getTime(),
      );
      this.release(item);
      return;
    }
    item.retida = this.single(item, "retida_cota");
    if (!item.aviso.enviarEm) {
      this.recordDecision(
        item,
        { tipo: "retido", motivo: MOTIVO_RETIDO, acao: "agora", cota: "retida", mensagemIds: [item.retida.id] },
        true,
      );
    }
    this.wait(s, [item], sendAt);
  }

  private closeGroup(s: BrokerState, closeAt: Date): void {
    const items = s.group?.items ?? [];
    s.group = null;
    const prefs = s.corretor.prefs;
    const sendAt = isOnDuty(prefs, closeAt, this.o.timezone) ? closeAt : nextDutyStart(prefs, closeAt, this.o.timezone);
    if (sendAt.getTime() > this.o.now.getTime()) {
      this.digest(s, closeAt, sendAt, items);
      return;
    }
    if (!this.takeSlot(s, sendAt)) {
      this.wait(s, items, sendAt);
      return;
    }
    this.digest(s, closeAt, sendAt, [...s.waiting, ...items]);
    s.waiting = [];
    s.waitingDueAt = null;
  }

  /** The first shift of a new quota day: a digest of everything waiting, with the day's first free slot. */
  private sendWaiting(s: BrokerState, at: Date): void {
    if (!this.takeSlot(s, at)) {
      s.waitingDueAt = this.nextQuotaDayShift(s, at);
      return;
    }
    const items = [...s.waiting, ...(s.group?.items ?? [])];
    s.group = null;
    s.waiting = [];
    s.waitingDueAt = null;
    this.digest(s, at, at, items);
  }

  private wait(s: BrokerState, items: Item[], quotaAt: Date): void {
    s.waiting.push(...items);
    for (const item of items) this.markWaiting(item);
    s.waitingDueAt ??= this.nextQuotaDayShift(s, quotaAt);
  }

  private nextQuotaDayShift(s: BrokerState, at: Date): number {
    return nextDutyStart(s.corretor.prefs, quotaDayBounds(at).end, this.o.timezone).getTime();
  }

  private takeSlot(s: BrokerState, at: Date): boolean {
    const day = quotaDayBounds(at).start.getTime();
    const used = s.used.get(day) ?? 0;
    if (used >= s.corretor.prefs.limiteDiario) return false;
    s.used.set(day, used + 1);
    return true;
  }

  /** Adds to (or, with `replace`, replaces) the demo's decision on the event, keeping its other fields. */
  private recordDecision(item: Item, decisao: Record<string, unknown>, replace = false): void {
    if (!item.evento) return;
    const metadata = (item.evento.metadata ?? {}) as Record<string, unknown>;
    item.evento.metadata = {
      ...metadata,
      decisao: replace ? decisao : { ...(metadata.decisao as object), ...decisao },
    };
  }

  /** Hands an item's event (and its held alert) to the output, linked to `digestId` when one told it. */
  private markWaiting(item: Item): void {
    if (item.aguarda) return;
    item.aguarda = true;
    this.aguardandoPorLead.set(item.aviso.leadId, (this.aguardandoPorLead.get(item.aviso.leadId) ?? 0) + 1);
  }

  private release(item: Item, digestId?: string): void {
    if (item.aguarda) {
      item.aguarda = false;
      const left = this.aguardandoPorLead.get(item.aviso.leadId)! - 1;
      if (left > 0) this.aguardandoPorLead.set(item.aviso.leadId, left);
      else this.aguardandoPorLead.delete(item.aviso.leadId);
    }
    if (item.evento) {
      if (digestId) item.evento.mensagemAgrupadaId = digestId;
      this.out.eventos.push(item.evento);
    }
    if (item.retida) this.out.mensagens.push(digestId ? { ...item.retida, mensagemAgrupadaId: digestId } : item.retida);
  }

  private single(item: Item, status: "retida_cota" | null): MensagemRow {
    const { aviso, corretor, rng } = item;
    const tipo = aviso.decisao === "lembrete" ? "lembrete" : "alerta";
    const createdAt = new Date(Math.min(aviso.at.getTime() + 2000, this.o.now.getTime()));
    const row = deliveryFields(this.o, rng, corretor, createdAt, aviso.enviarEm ?? createdAt, status === "retida_cota");
    return {
      ...row,
      leadId: aviso.leadId,
      eventoId: aviso.eventoId,
      eventoIds: [aviso.eventoId],
      tipo,
      corpo: aviso.corpo,
      // The same quick replies the app's own templates send, so a demo broker's tap works too.
      botoes: leadButtons(aviso.leadId),
      templateVariaveis: aviso.templateVariaveis,
      idempotencyKey:
        aviso.eventoTipo === "lead_retorno" ? this.retornoKeyOf(item) : `${aviso.eventoId}:${corretor.id}:${tipo}`,
    };
  }

  private digest(s: BrokerState, createdAt: Date, sendAt: Date, items: Item[]): void {
    if (items.length === 0) return;
    const janelaMin = s.corretor.prefs.agrupamento.janelaMinutos;
    const row = deliveryFields(this.o, this.rng, s.corretor, createdAt, sendAt, false);
    const eventoIds = items.map((i) => i.aviso.eventoId).sort();
    const leadIds = new Set(items.map((i) => i.aviso.leadId));
    const retidos = items.filter((i) => i.retida).map((i) => i.aviso.lead);
    const mornos = items.filter((i) => !i.retida).map((i) => i.aviso.lead);
    this.out.mensagens.push({
      ...row,
      leadId: leadIds.size === 1 ? items[0]!.aviso.leadId : null,
      eventoId: null,
      eventoIds,
      tipo: "agrupada",
      corpo: t.agrupadaCorpo(mornos, janelaMin, retidos),
      botoes: [],
      // The grouping sweep's key (agrupadaKey): the broker and the first event id.
      idempotencyKey: `agrupada:${s.corretor.id}:${eventoIds[0]}`,
    });
    for (const item of items) this.release(item, row.id);
  }

  private summaries(b: BrokerRef): MensagemRow[] {
    const rng = this.rng;
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
      const row = deliveryFields(this.o, rng, b, sentAt, sentAt, false, SUMMARY_STATUS);
      const firstName = b.nome.split(" ")[0]!;
      out.push({
        ...row,
        leadId: null,
        eventoId: null,
        eventoIds: [],
        tipo: "resumo",
        corpo: t.resumoCorpo(
          firstName,
          label,
          novos,
          counters[(d + 1) * COUNTERS + 1]!,
          counters[(d + 1) * COUNTERS + 2]!,
        ),
        idempotencyKey: `resumo:${b.id}:${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, "0")}-${String(day.getDate()).padStart(2, "0")}`,
      });
    }
    return out;
  }
}
