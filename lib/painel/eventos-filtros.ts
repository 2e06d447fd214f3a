// /eventos' URL: filters and page boundary, validated one by one (a value that does not fit is dropped,
// never a 500), turned into the query's terms, and written back into links.
import { z } from "zod";
import type { EventosBusca, EventosCursor } from "@/lib/db/queries/eventos-lista";
import { EVENTO_TIPOS, URGENCIAS } from "@/lib/db/schema";
import { localDayRange } from "@/lib/time/local-day";
import { DEFAULT_TIMEZONE } from "@/lib/time/working-hours";
import { dayParam, idParam, optionalParam, type RawSearchParams } from "./search-params";

// "<detection time as Postgres prints it>~<id>".
const cursor = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}~[A-Za-z0-9_-]{1,50}$/)
  .transform((s): EventosCursor => {
    const [detectado, id] = s.split("~") as [string, string];
    return { detectado, id };
  });

export const eventosFiltrosSchema = z.object({
  tipo: optionalParam(z.enum(EVENTO_TIPOS)),
  urgencia: optionalParam(z.enum(URGENCIAS)),
  corretor: idParam,
  de: dayParam,
  ate: dayParam,
  /** "sim" = decided, "nao" = still waiting for the Orquestrador. */
  processado: optionalParam(z.enum(["sim", "nao"])),
  apos: optionalParam(cursor),
});

export type EventosFiltros = z.infer<typeof eventosFiltrosSchema>;

export function parseEventosFiltros(raw: RawSearchParams): EventosFiltros {
  return eventosFiltrosSchema.parse(raw);
}

/** The query's terms: days become the agency's midnights ("até" includes its whole day). */
export function toEventosBusca(filtros: EventosFiltros, timezone: string = DEFAULT_TIMEZONE): EventosBusca {
  return {
    tipo: filtros.tipo,
    urgencia: filtros.urgencia,
    processado: filtros.processado === undefined ? undefined : filtros.processado === "sim",
    desde: filtros.de ? localDayRange(filtros.de, timezone)?.start : undefined,
    antes: filtros.ate ? localDayRange(filtros.ate, timezone)?.end : undefined,
  };
}

/** Whether anything narrows the list (the page boundary does not count). */
export function hasEventosFiltros(filtros: EventosFiltros): boolean {
  const { apos: _, ...rest } = filtros;
  return Object.values(rest).some((v) => v !== undefined);
}

/** The URL query of these filters, plus a page boundary, for links. */
export function eventosQueryString(filtros: EventosFiltros, apos?: EventosCursor): string {
  const params = new URLSearchParams();
  for (const key of ["tipo", "urgencia", "corretor", "de", "ate", "processado"] as const) {
    const value = filtros[key];
    if (value !== undefined) params.set(key, value);
  }
  if (apos) params.set("apos", `${apos.detectado}~${apos.id}`);
  const text = params.toString();
  return text ? `?${text}` : "";
}
