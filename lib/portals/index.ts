// One door from "portal slug + JSON body" to a NormalizedLead. Throws the ZodError so the route
// answers 422 with the failing field paths.
import { parseChavesNaMao } from "./chaves-na-mao";
import { parseGenerico } from "./generico";
import { parseGrupoOlx } from "./grupo-olx";
import { parseImovelweb } from "./imovelweb";
import { PORTAL_SLUGS, type NormalizedLead, type PortalSlug } from "./normalized-lead";

export type PortalParser = (body: unknown) => NormalizedLead;

export const PORTAL_PARSERS: Readonly<Record<PortalSlug, PortalParser>> = {
  "grupo-olx": parseGrupoOlx,
  "chaves-na-mao": parseChavesNaMao,
  imovelweb: parseImovelweb,
  generico: parseGenerico,
};

export function isPortalSlug(value: string): value is PortalSlug {
  return (PORTAL_SLUGS as readonly string[]).includes(value);
}

export function parsePortalPayload(portal: PortalSlug, body: unknown): NormalizedLead {
  return PORTAL_PARSERS[portal](body);
}

export * from "./normalized-lead";
export { parseChavesNaMao, parseGenerico, parseGrupoOlx, parseImovelweb };
