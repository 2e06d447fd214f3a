// Dates as the dashboard shows them: "dd/mm/aaaa HH:mm" on the agency's clock, never the server's.
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { DEFAULT_TIMEZONE } from "./working-hours";

export function formatDataHora(at: Date | null | undefined, timezone: string = DEFAULT_TIMEZONE): string {
  if (!at || Number.isNaN(at.getTime())) return "—";
  return format(new TZDate(at.getTime(), timezone), "dd/MM/yyyy HH:mm");
}
