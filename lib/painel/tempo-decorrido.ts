// "há 5 min", "há 3 h", "há 2 dias": how long ago, as a broker scans a board; past a month the date.
import { plural } from "@/lib/text/plural";
import { formatDataHora } from "@/lib/time/format-data-hora";
import { DEFAULT_TIMEZONE } from "@/lib/time/working-hours";

const MIN = 60_000;
const HORA = 60 * MIN;
const DIA = 24 * HORA;

export function tempoDecorrido(at: Date | null, now: Date, timezone: string = DEFAULT_TIMEZONE): string {
  if (!at || Number.isNaN(at.getTime())) return "—";
  const ms = Math.max(0, now.getTime() - at.getTime());
  if (ms < MIN) return "agora";
  if (ms < HORA) return `há ${Math.floor(ms / MIN)} min`;
  if (ms < DIA) return `há ${Math.floor(ms / HORA)} h`;
  const dias = Math.floor(ms / DIA);
  if (dias <= 30) return `há ${plural(dias, "dia", "dias")}`;
  return `em ${formatDataHora(at, timezone).slice(0, 10)}`;
}
