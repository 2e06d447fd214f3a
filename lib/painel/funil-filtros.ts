// /funil's URL: broker (managers), portal and "só quentes", validated one by one like /leads' (a value
// that does not fit is dropped, never a 500), turned into the board's terms and into links.
import { z } from "zod";
import type { FunilBusca } from "@/lib/db/queries/leads-funil";
import type { LeadStatus } from "@/lib/db/schema";
import { idParam, optionalParam, type RawSearchParams } from "./search-params";

export const funilFiltrosSchema = z.object({
  corretor: idParam,
  portal: optionalParam(z.string().regex(/^[a-z0-9-]{1,50}$/)),
  quentes: optionalParam(z.enum(["1", "on", "true"]).transform(() => true as const)),
});

export type FunilFiltros = z.infer<typeof funilFiltrosSchema>;

export function parseFunilFiltros(raw: RawSearchParams): FunilFiltros {
  return funilFiltrosSchema.parse(raw);
}

export function toFunilBusca(filtros: FunilFiltros, scoreQuente: number): FunilBusca {
  return { origem: filtros.portal, scoreMin: filtros.quentes ? scoreQuente : undefined };
}

function query(filtros: FunilFiltros, status?: LeadStatus): string {
  const params = new URLSearchParams();
  if (status) params.set("status", status);
  if (filtros.corretor) params.set("corretor", filtros.corretor);
  if (filtros.portal) params.set("portal", filtros.portal);
  if (filtros.quentes) params.set("quentes", "1");
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The board with these filters. */
export const funilHref = (filtros: FunilFiltros) => `/funil${query(filtros)}`;

/** "Ver todos": the lead list of one column, with the same filters (the list knows them all). */
export const verTodosHref = (filtros: FunilFiltros, status: LeadStatus) => `/leads${query(filtros, status)}`;
