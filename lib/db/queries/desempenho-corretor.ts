// Read-only figures for the PerformanceCalculator: the broker's leads of a period with their current
// status and when the broker first contacted each (the first `contato_corretor` interaction).
import { and, eq, gte, lt, min } from "drizzle-orm";
import type { Db } from "../client";
import { interacoes, leads, type LeadStatus } from "../schema";
import { idSchema } from "./columns";

type Janela = { corretorId: string; desde: Date; ate: Date };

export type LeadComPrimeiraResposta = {
  id: string;
  status: LeadStatus | null;
  recebidoEm: Date | null;
  primeiraRespostaEm: Date | null;
};

/** Leads the broker holds that reached us in [desde, ate), each with its first broker contact (or null). */
export async function listLeadsComPrimeiraResposta(db: Db, j: Janela): Promise<LeadComPrimeiraResposta[]> {
  return db
    .select({
      id: leads.id,
      status: leads.status,
      recebidoEm: leads.dataPrimeiroContato,
      primeiraRespostaEm: min(interacoes.data),
    })
    .from(leads)
    .leftJoin(interacoes, and(eq(interacoes.leadId, leads.id), eq(interacoes.tipo, "contato_corretor")))
    .where(
      and(
        eq(leads.corretorId, idSchema.parse(j.corretorId)),
        gte(leads.dataPrimeiroContato, j.desde),
        lt(leads.dataPrimeiroContato, j.ate),
      ),
    )
    .groupBy(leads.id, leads.status, leads.dataPrimeiroContato)
    .orderBy(leads.id);
}
