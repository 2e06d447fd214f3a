// When a broker's summaries are due and what each covers. The daily one goes out at the first moment
// the broker is on duty each local day (normally the start of their hours); the weekly one at the
// first moment on duty each ISO week (Monday's start of hours when Monday is a working day). An
// agency may set a later "from" hour for either (its settings page): then the first moment on duty
// from that hour.
// Pure functions of the preferences and the clock; the idempotency keys make "once" a constraint.
import { TZDate } from "@date-fns/tz";
import { getISOWeek, getISOWeekYear } from "date-fns";
import type { Preferencias } from "@/lib/domain/preferencias";
import { isOnDuty } from "@/lib/time/working-hours";

type SchedulePrefs = Pick<Preferencias, "horario" | "dias" | "pausadoAte">;
export type Periodo = { desde: Date; ate: Date };

/** How far back the daily summary looks for leads still waiting for a first contact. */
export const PENDENTES_DIAS = 7;

export type DailyDue = {
  chave: string;
  /** Leads counted: from the previous working day's midnight to today's (a Monday covers the weekend). */
  periodo: Periodo;
  /** Leads still waiting: the last PENDENTES_DIAS days up to today's start of hours. */
  pendentes: Periodo;
};

export type WeeklyDue = { chave: string; semana: string; periodo: Periodo };

export const resumoDiarioKey = (corretorId: string, dia: string) => `resumo:${corretorId}:${dia}`;
export const resumoSemanalKey = (corretorId: string, semana: string) => `resumo_semanal:${corretorId}:${semana}`;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

const localMidnight = (local: TZDate, addDays: number, timezone: string) =>
  new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + addDays, 0, 0, 0, timezone);

const instant = (d: TZDate) => new Date(d.getTime());

/** "2026-11-24", the local date. */
export function localDateKey(at: Date, timezone: string): string {
  const local = new TZDate(at.getTime(), timezone);
  return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
}

/** "2026-W48", the ISO week of the local date. */
export function isoWeekKey(at: Date, timezone: string): string {
  const local = new TZDate(at.getTime(), timezone);
  return `${getISOWeekYear(local)}-W${pad(getISOWeek(local))}`;
}

/**
 * Before the agency's "from" hour (configuracoes.resumoDiarioHora / resumoSemanalHora, "HH:MM"):
 * not yet. Null = no such hour, the broker's own start of hours decides alone.
 */
function beforeHour(now: Date, timezone: string, aPartirDe: string | null): boolean {
  if (!aPartirDe) return false;
  const local = new TZDate(now.getTime(), timezone);
  return `${pad(local.getHours())}:${pad(local.getMinutes())}` < aPartirDe;
}

export function dailySummaryDue(
  corretorId: string,
  prefs: SchedulePrefs,
  now: Date,
  timezone: string,
  aPartirDe: string | null = null,
): DailyDue | null {
  // Off duty or paused: not yet. The first sweep on duty sends it, so a late start still gets one.
  if (!isOnDuty(prefs, now, timezone) || beforeHour(now, timezone, aPartirDe)) return null;
  const local = new TZDate(now.getTime(), timezone);
  const hoje = localMidnight(local, 0, timezone);
  let anterior = localMidnight(local, -7, timezone);
  for (let offset = 1; offset <= 7; offset++) {
    const dia = localMidnight(local, -offset, timezone);
    if (prefs.dias.includes(dia.getDay())) {
      anterior = dia;
      break;
    }
  }
  const [h, m] = prefs.horario.inicio.split(":").map(Number);
  const inicio = new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), h ?? 0, m ?? 0, 0, timezone);
  return {
    chave: resumoDiarioKey(corretorId, localDateKey(now, timezone)),
    periodo: { desde: instant(anterior), ate: instant(hoje) },
    pendentes: { desde: instant(localMidnight(local, -PENDENTES_DIAS, timezone)), ate: instant(inicio) },
  };
}

/** Due from the first moment on duty in an ISO week; covers the previous week, Monday to Monday. */
export function weeklySummaryDue(
  corretorId: string,
  prefs: SchedulePrefs,
  now: Date,
  timezone: string,
  aPartirDe: string | null = null,
): WeeklyDue | null {
  if (!isOnDuty(prefs, now, timezone) || beforeHour(now, timezone, aPartirDe)) return null;
  const local = new TZDate(now.getTime(), timezone);
  const desdeSegunda = (local.getDay() + 6) % 7; // Monday = 0
  const estaSemana = localMidnight(local, -desdeSegunda, timezone);
  const anterior = localMidnight(estaSemana, -7, timezone);
  const semana = isoWeekKey(instant(anterior), timezone);
  return {
    chave: resumoSemanalKey(corretorId, semana),
    semana,
    periodo: { desde: instant(anterior), ate: instant(estaSemana) },
  };
}
