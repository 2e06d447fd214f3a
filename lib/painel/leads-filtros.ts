// /leads' URL: filters, search and page boundary, validated one by one (a value that does not fit is
// dropped, never a 500), turned into the query's terms, and written back into links.
import { z } from "zod";
import { LEAD_STATUS } from "@/lib/db/schema";
import type { LeadsBusca, LeadsCursor } from "@/lib/db/queries/leads-lista";
import { phoneSearchCandidates } from "@/lib/phone/phone-search";
import { localDayRange } from "@/lib/time/local-day";
import { DEFAULT_TIMEZONE } from "@/lib/time/working-hours";
import { dayParam, idParam, optionalParam, type RawSearchParams } from "./search-params";

// Digits only: an empty box arrives as "" and z.coerce would read it as 0 ("score até 0").
const score = z
  .string()
  .regex(/^\d{1,3}$/)
  .transform(Number)
  .pipe(z.number().max(100));
const ligado = z.enum(["1", "on", "true"]).transform(() => true as const);
// "<receipt time as Postgres prints it>~<id>"; an empty time is a lead without one.
const cursor = z
  .string()
  .regex(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6})?~[A-Za-z0-9_-]{1,50}$/)
  .transform((s): LeadsCursor => {
    const [recebido, id] = s.split("~") as [string, string];
    return { recebido: recebido || null, id };
  });

export const leadsFiltrosSchema = z.object({
  // Printable text only: a NUL or control byte must not reach Postgres.
  q: optionalParam(
    z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(/^[^\p{Cc}]+$/u),
  ),
  status: optionalParam(z.enum(LEAD_STATUS)),
  portal: optionalParam(z.string().regex(/^[a-z0-9-]{1,50}$/)),
  corretor: idParam,
  scoreMin: optionalParam(score),
  scoreMax: optionalParam(score),
  de: dayParam,
  ate: dayParam,
  semContato: optionalParam(ligado),
  quentes: optionalParam(ligado),
  apos: optionalParam(cursor),
  antes: optionalParam(cursor),
});

export type LeadsFiltros = z.infer<typeof leadsFiltrosSchema>;

export function parseLeadsFiltros(raw: RawSearchParams): LeadsFiltros {
  return leadsFiltrosSchema.parse(raw);
}

/** The query's terms: days become São Paulo midnights ("até" includes its whole day), "quentes" a floor. */
export function toLeadsBusca(
  filtros: LeadsFiltros,
  { scoreQuente, timezone = DEFAULT_TIMEZONE }: { scoreQuente: number; timezone?: string },
): LeadsBusca {
  const scoreMin = filtros.quentes ? Math.max(filtros.scoreMin ?? 0, scoreQuente) : filtros.scoreMin;
  const telefones = filtros.q ? phoneSearchCandidates(filtros.q) : null;
  return {
    status: filtros.status,
    origem: filtros.portal,
    scoreMin,
    scoreMax: filtros.scoreMax,
    recebidoDesde: filtros.de ? localDayRange(filtros.de, timezone)?.start : undefined,
    recebidoAntes: filtros.ate ? localDayRange(filtros.ate, timezone)?.end : undefined,
    semContato: filtros.semContato,
    ...(telefones ? { telefones } : { texto: filtros.q }),
  };
}

/** Whether anything narrows the list (the page boundary does not count). */
export function hasLeadsFiltros(filtros: LeadsFiltros): boolean {
  const { apos: _a, antes: _b, ...rest } = filtros;
  return Object.values(rest).some((v) => v !== undefined);
}

const cursorText = (c: LeadsCursor) => `${c.recebido ?? ""}~${c.id}`;

/** The URL query of these filters (without the page boundary), plus `pagina`'s, for links and the export. */
export function leadsQueryString(
  filtros: LeadsFiltros,
  pagina: { apos?: LeadsCursor; antes?: LeadsCursor } = {},
): string {
  const params = new URLSearchParams();
  const set = (k: string, v: string | number | boolean | undefined) => {
    if (v !== undefined && v !== false) params.set(k, v === true ? "1" : String(v));
  };
  set("q", filtros.q);
  set("status", filtros.status);
  set("portal", filtros.portal);
  set("corretor", filtros.corretor);
  set("scoreMin", filtros.scoreMin);
  set("scoreMax", filtros.scoreMax);
  set("de", filtros.de);
  set("ate", filtros.ate);
  set("semContato", filtros.semContato);
  set("quentes", filtros.quentes);
  if (pagina.apos) params.set("apos", cursorText(pagina.apos));
  if (pagina.antes) params.set("antes", cursorText(pagina.antes));
  const text = params.toString();
  return text ? `?${text}` : "";
}
