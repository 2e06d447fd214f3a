// Listings. Portals name a listing by our code (`clientListingId`) or by their own id.
import { and, asc, desc, eq, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import { imoveis } from "../schema";
import { idSchema } from "./columns";

export type Imovel = typeof imoveis.$inferSelect;

export type ListingRef = { codigo: string | null; portalListingId: string | null };

/** The query behind findImovelForLead, unrun (null without a reference), for intake-context.ts. */
export function imovelForLeadQuery(db: Db, imobiliariaId: string, ref: ListingRef) {
  const agency = idSchema.parse(imobiliariaId);
  const codigo = ref.codigo ? eq(imoveis.codigo, ref.codigo.slice(0, 80)) : undefined;
  const portalId = ref.portalListingId
    ? sql`${ref.portalListingId.slice(0, 100)} in (select jsonb_each_text.value from jsonb_each_text(${imoveis.portalIds}))`
    : undefined;
  if (!codigo && !portalId) return null;
  // One round trip for both references; a match by our own code wins over one by the portal's id.
  return db
    .select()
    .from(imoveis)
    .where(and(eq(imoveis.imobiliariaId, agency), or(codigo, portalId)))
    .orderBy(...(codigo ? [desc(sql`${codigo}`)] : []), asc(imoveis.id))
    .limit(1);
}

/** Finds the agency's listing by our code first, then by the portal's listing id. */
export async function findImovelForLead(db: Db, imobiliariaId: string, ref: ListingRef): Promise<Imovel | null> {
  const query = imovelForLeadQuery(db, imobiliariaId, ref);
  return query ? ((await query)[0] ?? null) : null;
}

export async function getImovelById(db: Db, imobiliariaId: string, id: string): Promise<Imovel | null> {
  const [row] = await db
    .select()
    .from(imoveis)
    .where(and(eq(imoveis.imobiliariaId, idSchema.parse(imobiliariaId)), eq(imoveis.id, idSchema.parse(id))));
  return row ?? null;
}
