// A date and time typed in a form (`<input type="datetime-local">`: "2026-12-06T10:00") is the
// agency's wall clock, not the server's: read it in the agency's time zone.
import { TZDate } from "@date-fns/tz";

const FORMATO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** Null for anything that is not a real date and time in that shape. */
export function parseDataHoraLocal(valor: string, timezone: string): Date | null {
  const m = FORMATO.exec(valor.trim());
  if (!m) return null;
  const [ano, mes, dia, hora, minuto] = m.slice(1).map(Number) as [number, number, number, number, number];
  const local = new TZDate(ano, mes - 1, dia, hora, minuto, 0, timezone);
  // 31/02 rolls over to March: not the date typed.
  if (local.getMonth() !== mes - 1 || local.getDate() !== dia || local.getHours() !== hora) return null;
  return new Date(local.getTime());
}
