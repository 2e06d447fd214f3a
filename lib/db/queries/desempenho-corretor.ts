// Read-only figures for the PerformanceCalculator: the broker's leads of a period with their current
// status and when the broker first responded to each (the lead page's rule: the first contact, status
// move, note, visit or link tap after its arrival, a hand-over excluded).
import { and, eq, gte, inArray, lt, min, notInArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { ACOES_SEM_RESPOSTA, interacoes, leads, RESPOSTA_DO_CORRETOR_TIPOS, type LeadStatus } from "../schema";
import { idSchema } from "./columns";

type Janela = { corretorId: string; desde: Date; ate: Date };

export type LeadComPrimeiraResposta = {
  id: string;
  status: LeadStatus | null;
  recebidoEm: Date | null;
  primeiraRespostaEm: Date | null;
};

/** Leads the broker holds that reached us in [desde, ate), each with its first broker response (or null). */
export async function listLeadsComPrimeiraResposta(db: Db, j: Janela): Promise<LeadComPrimeiraResposta[]> {
  return db
    .select({
      id: leads.id,
      status: leads.status,
      recebidoEm: leads.dataPrimeiroContato,
      primeiraRespostaEm: min(interacoes.data),
    })
    .from(leads)
    .leftJoin(
      interacoes,
      and(
        eq(interacoes.leadId, leads.id),
        inArray(interacoes.tipo, [...RESPOSTA_DO_CORRETOR_TIPOS]),
        gte(interacoes.data, leads.dataPrimeiroContato),
        notInArray(sql`coalesce(${interacoes.metadata}->>'acao', '')`, [...ACOES_SEM_RESPOSTA]),
      ),
    )
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
