// /configuracoes/auditoria's URL: filters and page boundary, validated one by one (a value that does
// not fit is dropped, never a 500), turned into the query's terms, and written back into links.
import { z } from "zod";
import type { AuditoriaBusca, AuditoriaCursor } from "@/lib/db/queries/auditoria";
import { localDayRange } from "@/lib/time/local-day";
import { DEFAULT_TIMEZONE } from "@/lib/time/working-hours";
import { dayParam, idParam, optionalParam, type RawSearchParams } from "./search-params";

// "<time as Postgres prints it, UTC>~<id>".
const cursor = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}~\d{1,12}$/)
  .transform((s): AuditoriaCursor => {
    const [criado, id] = s.split("~") as [string, string];
    return { criado, id: Number(id) };
  });

export const auditoriaFiltrosSchema = z.object({
  acao: optionalParam(z.string().regex(/^[a-z0-9_.]{1,80}$/)),
  usuario: idParam,
  de: dayParam,
  ate: dayParam,
  apos: optionalParam(cursor),
});

export type AuditoriaFiltros = z.infer<typeof auditoriaFiltrosSchema>;

export function parseAuditoriaFiltros(raw: RawSearchParams): AuditoriaFiltros {
  return auditoriaFiltrosSchema.parse(raw);
}

/** The query's terms: days become the agency's midnights ("até" includes its whole day). */
export function toAuditoriaBusca(filtros: AuditoriaFiltros, timezone: string = DEFAULT_TIMEZONE): AuditoriaBusca {
  return {
    acao: filtros.acao,
    usuarioId: filtros.usuario,
    desde: filtros.de ? localDayRange(filtros.de, timezone)?.start : undefined,
    antes: filtros.ate ? localDayRange(filtros.ate, timezone)?.end : undefined,
  };
}

export function hasAuditoriaFiltros(filtros: AuditoriaFiltros): boolean {
  const { apos: _, ...rest } = filtros;
  return Object.values(rest).some((v) => v !== undefined);
}

export function auditoriaQueryString(filtros: AuditoriaFiltros, apos?: AuditoriaCursor): string {
  const params = new URLSearchParams();
  for (const key of ["acao", "usuario", "de", "ate"] as const) {
    const value = filtros[key];
    if (value !== undefined) params.set(key, value);
  }
  if (apos) params.set("apos", `${apos.criado}~${apos.id}`);
  const text = params.toString();
  return text ? `?${text}` : "";
}
