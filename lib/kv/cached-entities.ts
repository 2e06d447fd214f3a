// Cached reads of entities the agents look up on every event (seed: `corretor:{id}`, 1 h).
// Writers call the matching invalidate* after changing the row; the TTL bounds any miss.
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { getCorretorById, type Corretor } from "@/lib/db/queries/corretores";
import { getLeadById, type Lead } from "@/lib/db/queries/leads";
import { LEAD_STATUS } from "@/lib/db/schema";
import { preferenciasSchema } from "@/lib/domain/preferencias";
import { invalidate, readThrough } from "./cache";
import { kvKeys } from "./keys";
import type { Kv } from "./types";

// Typed against Corretor, so a new column fails type-checking here until the cache learns it.
const corretorCacheSchema: z.ZodType<Corretor> = z.object({
  id: z.string(),
  nome: z.string(),
  telefone: z.string(),
  email: z.string().nullable(),
  imobiliaria: z.string().nullable(),
  ativo: z.boolean().nullable(),
  dataCadastro: z.date().nullable(),
  preferencias: preferenciasSchema,
  atuacao: z
    .object({
      bairros: z.array(z.string()).optional(),
      tipos: z.array(z.string()).optional(),
      finalidades: z.array(z.string()).optional(),
    })
    .nullable(),
  metadata: z.record(z.string(), z.unknown()).nullable(),
  imobiliariaId: z.string().nullable(),
});

/** The broker if it belongs to this agency; the key is not agency-scoped, so the hit is checked. */
export async function getCachedCorretor(kv: Kv, db: Db, imobiliariaId: string, id: string): Promise<Corretor | null> {
  const corretor = await readThrough(
    kv,
    kvKeys.corretor(id),
    () => getCorretorById(db, imobiliariaId, id),
    corretorCacheSchema,
  );
  return corretor && corretor.imobiliariaId === imobiliariaId ? corretor : null;
}

export function invalidateCorretor(kv: Kv, id: string): Promise<boolean> {
  return invalidate(kv, kvKeys.corretor(id));
}

const leadCacheSchema: z.ZodType<Lead> = z.object({
  id: z.string(),
  corretorId: z.string().nullable(),
  nome: z.string(),
  telefone: z.string(),
  email: z.string().nullable(),
  origem: z.string().nullable(),
  dataPrimeiroContato: z.date().nullable(),
  dataUltimaInteracao: z.date().nullable(),
  score: z.number().nullable(),
  status: z.enum(LEAD_STATUS).nullable(),
  busca: z.record(z.string(), z.unknown()).nullable() as z.ZodType<Lead["busca"]>,
  metadata: z.record(z.string(), z.unknown()).nullable(),
  imobiliariaId: z.string().nullable(),
  imovelId: z.string().nullable(),
});

/** The lead if it belongs to this agency (seed: `lead:{id}`, 2 h). */
export async function getCachedLead(kv: Kv, db: Db, imobiliariaId: string, id: string): Promise<Lead | null> {
  const lead = await readThrough(kv, kvKeys.lead(id), () => getLeadById(db, imobiliariaId, id), leadCacheSchema);
  return lead && lead.imobiliariaId === imobiliariaId ? lead : null;
}

export function invalidateLead(kv: Kv, id: string): Promise<boolean> {
  return invalidate(kv, kvKeys.lead(id));
}
