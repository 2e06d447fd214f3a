// The seed's PerformanceCalculator: how a broker handled the leads of a period — received,
// contacted (left `novo`), median time to the first contact, visit requests, leads by status.
import type { Db } from "@/lib/db/client";
import { listLeadsComPrimeiraResposta, type LeadComPrimeiraResposta } from "@/lib/db/queries/desempenho-corretor";
import { countVisitasSolicitadas } from "@/lib/db/queries/daily-summary";
import { LEAD_STATUS, type LeadStatus } from "@/lib/db/schema";

type Janela = { corretorId: string; desde: Date; ate: Date };

export type Desempenho = {
  recebidos: number;
  contatados: number;
  /** Whole percent of `recebidos`; null without leads. */
  percentualContatados: number | null;
  /** Median minutes from arrival to the broker's first contact; null when none was recorded. */
  medianaPrimeiraRespostaMin: number | null;
  /** How many leads the median is over (those with a recorded first contact). */
  respostasMedidas: number;
  visitasSolicitadas: number;
  /** Current status of the period's leads, in the funnel's order, statuses with no lead left out. */
  porStatus: { status: LeadStatus; leads: number }[];
};

/** The middle value (mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Minutes from arrival to first contact; a contact logged before the arrival (clock skew) counts as 0. */
function minutosAteResposta(lead: LeadComPrimeiraResposta): number | null {
  if (!lead.recebidoEm || !lead.primeiraRespostaEm) return null;
  return Math.max(0, (lead.primeiraRespostaEm.getTime() - lead.recebidoEm.getTime()) / 60_000);
}

export function summarizePerformance(
  leads: readonly LeadComPrimeiraResposta[],
  visitasSolicitadas: number,
): Desempenho {
  const contatados = leads.filter((l) => l.status !== null && l.status !== "novo").length;
  const tempos = leads.map(minutosAteResposta).filter((m): m is number => m !== null);
  const mediana = median(tempos);
  const porStatus = LEAD_STATUS.map((status) => ({
    status,
    leads: leads.filter((l) => (l.status ?? "novo") === status).length,
  })).filter((s) => s.leads > 0);
  return {
    recebidos: leads.length,
    contatados,
    percentualContatados: leads.length ? Math.round((100 * contatados) / leads.length) : null,
    medianaPrimeiraRespostaMin: mediana === null ? null : Math.round(mediana),
    respostasMedidas: tempos.length,
    visitasSolicitadas,
    porStatus,
  };
}

export async function calculatePerformance(db: Db, janela: Janela): Promise<Desempenho> {
  const leads = await listLeadsComPrimeiraResposta(db, janela);
  const visitas = await countVisitasSolicitadas(db, janela);
  return summarizePerformance(leads, visitas);
}
