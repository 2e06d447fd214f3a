// Listings. Portals name a listing by our code (`clientListingId`) or by their own id.
import { and, asc, desc, eq, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import { asParam, type Arg } from "../wire/compiled-statement";
import { imoveis } from "../schema";
import { idSchema } from "./columns";

export type Imovel = typeof imoveis.$inferSelect;

export type ListingRef = { codigo: string | null; portalListingId: string | null };

/** ListingRef with the agency, each a value or a placeholder (intake-context.ts compiles it). */
export type ListingArgs = {
  imobiliariaId: Arg<string>;
  codigo: Arg<string> | null;
  portalListingId: Arg<string> | null;
};

/** Validates a listing reference for imovelForLeadQuery (references longer than any stored are cut). */
export function listingArgs(imobiliariaId: string, ref: ListingRef): ListingRef & { imobiliariaId: string } {
  return {
    imobiliariaId: idSchema.parse(imobiliariaId),
    codigo: ref.codigo ? ref.codigo.slice(0, 80) : null,
    portalListingId: ref.portalListingId ? ref.portalListingId.slice(0, 100) : null,
  };
}

/** The agency's listing by our code first, then by the portal's listing id, as a query (null without a reference), for intake-context.ts. */
export function imovelForLeadQuery(db: Db, args: ListingArgs) {
  const codigo = args.codigo ? eq(imoveis.codigo, asParam(imoveis.codigo, args.codigo)) : undefined;
  const portalId = args.portalListingId
    ? sql`${args.portalListingId} in (select jsonb_each_text.value from jsonb_each_text(${imoveis.portalIds}))`
    : undefined;
  if (!codigo && !portalId) return null;
  // One round trip for both references; a match by our own code wins over one by the portal's id.
  return db
    .select()
    .from(imoveis)
    .where(and(eq(imoveis.imobiliariaId, asParam(imoveis.imobiliariaId, args.imobiliariaId)), or(codigo, portalId)))
    .orderBy(...(codigo ? [desc(sql`${codigo}`)] : []), asc(imoveis.id))
    .limit(1);
}

export async function getImovelById(db: Db, imobiliariaId: string, id: string): Promise<Imovel | null> {
  const [row] = await db
    .select()
    .from(imoveis)
    .where(and(eq(imoveis.imobiliariaId, idSchema.parse(imobiliariaId)), eq(imoveis.id, idSchema.parse(id))));
  return row ?? null;
}
