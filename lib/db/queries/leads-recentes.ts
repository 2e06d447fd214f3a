// The dashboard's lead list: newest first, with the broker's name, within a login's scope. Apart
// from leads.ts because the intake path never needs it; no e-mail is selected at all.
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { corretores, leads, type LeadStatus } from "../schema";
import { idSchema } from "./columns";

export type LeadRecente = {
  id: string;
  nome: string;
  telefone: string;
  origem: string | null;
  score: number;
  status: LeadStatus | null;
  dataPrimeiroContato: Date | null;
  corretorId: string | null;
  corretorNome: string | null;
};

/** `corretorId` set = only that broker's leads; null = the whole agency. */
export async function listRecentLeads(
  db: Db,
  scope: { imobiliariaId: string; corretorId: string | null },
  limit = 50,
): Promise<LeadRecente[]> {
  const conditions = [eq(leads.imobiliariaId, idSchema.parse(scope.imobiliariaId))];
  if (scope.corretorId) conditions.push(eq(leads.corretorId, idSchema.parse(scope.corretorId)));
  const rows = await db
    .select({
      id: leads.id,
      nome: leads.nome,
      telefone: leads.telefone,
      origem: leads.origem,
      score: leads.score,
      status: leads.status,
      dataPrimeiroContato: leads.dataPrimeiroContato,
      corretorId: leads.corretorId,
      corretorNome: corretores.nome,
    })
    .from(leads)
    .leftJoin(corretores, eq(corretores.id, leads.corretorId))
    .where(and(...conditions))
    .orderBy(sql`${leads.dataPrimeiroContato} desc nulls last`, desc(leads.id))
    .limit(Math.min(Math.max(limit, 1), 500));
  return rows.map((r) => ({ ...r, score: r.score ?? 0 }));
}
