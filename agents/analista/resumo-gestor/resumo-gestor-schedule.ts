// When the agency's management gets its summaries. Managers keep no working hours, so the agency's
// summary hour decides: the daily one (the previous local day) from `resumoDiarioHora` each day, the
// weekly one (the previous ISO week, Monday to Monday) from `resumoSemanalHora` on Monday (a Monday
// with no sweep after that hour skips the week: a week-old summary on a Thursday is noise). Both
// default to 08:00. Pure; the keys make "once" a constraint.
import { TZDate } from "@date-fns/tz";
import { isoWeekKey, localDateKey, type Periodo } from "../summary-schedule";

export const HORA_PADRAO_GESTAO = "08:00";

export type ResumoGestorDue = { tipo: "diario" | "semanal"; chave: string; periodo: Periodo };

const pad = (n: number) => String(n).padStart(2, "0");
const midnight = (local: TZDate, addDays: number, timezone: string) =>
  new Date(new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + addDays, 0, 0, 0, timezone).getTime());

/** The day's key is the local date it is sent; the week's is the ISO week it covers. */
export const resumoGestorKey = (imobiliariaId: string, dia: string) => `resumo_gestor:${imobiliariaId}:${dia}`;
export const resumoGestorSemanalKey = (imobiliariaId: string, semana: string) =>
  `resumo_gestor_semanal:${imobiliariaId}:${semana}`;

export function resumoGestorDue(
  imobiliaria: {
    id: string;
    timezone: string;
    configuracoes: { resumoDiarioHora: string | null; resumoSemanalHora: string | null };
  },
  now: Date,
): ResumoGestorDue[] {
  const { id, timezone } = imobiliaria;
  const local = new TZDate(now.getTime(), timezone);
  const hora = `${pad(local.getHours())}:${pad(local.getMinutes())}`;
  const out: ResumoGestorDue[] = [];
  if (hora >= (imobiliaria.configuracoes.resumoDiarioHora ?? HORA_PADRAO_GESTAO)) {
    out.push({
      tipo: "diario",
      chave: resumoGestorKey(id, localDateKey(now, timezone)),
      periodo: { desde: midnight(local, -1, timezone), ate: midnight(local, 0, timezone) },
    });
  }
  const desdeSegunda = (local.getDay() + 6) % 7; // Monday = 0
  const horaSemanal = imobiliaria.configuracoes.resumoSemanalHora ?? HORA_PADRAO_GESTAO;
  if (desdeSegunda === 0 && hora >= horaSemanal) {
    const estaSemana = midnight(local, -desdeSegunda, timezone);
    const anterior = midnight(new TZDate(estaSemana.getTime(), timezone), -7, timezone);
    out.push({
      tipo: "semanal",
      chave: resumoGestorSemanalKey(id, isoWeekKey(anterior, timezone)),
      periodo: { desde: anterior, ate: estaSemana },
    });
  }
  return out;
}
