// The weekly summary's figures for one broker: PerformanceCalculator and DemandAggregator over the
// previous week (Monday to Monday, local to the agency).
import type { ResumoSemanalInput } from "@/agents/conselheiro/compose/templates";
import type { Db } from "@/lib/db/client";
import type { Corretor } from "@/lib/db/queries/corretores";
import type { Imobiliaria } from "@/lib/db/queries/imobiliarias";
import { aggregateDemand } from "./demand-aggregator";
import { calculatePerformance } from "./performance-calculator";
import type { Periodo } from "./summary-schedule";

export type WeeklySummaryData = ResumoSemanalInput & {
  /** No lead and no visit request in the week: the summary is skipped. */
  vazio: boolean;
};

export type WeeklySummaryInput = {
  corretor: Pick<Corretor, "id" | "nome">;
  imobiliaria: Pick<Imobiliaria, "nome" | "timezone">;
  semana: Periodo;
};

export async function loadWeeklySummaryData(db: Db, input: WeeklySummaryInput): Promise<WeeklySummaryData> {
  const { corretor, imobiliaria, semana } = input;
  const janela = { corretorId: corretor.id, ...semana };
  const desempenho = await calculatePerformance(db, janela);
  const { bairros, tipos, faixasPreco } = await aggregateDemand(db, janela);
  return {
    semana,
    timezone: imobiliaria.timezone,
    desempenho,
    demanda: { bairros, tipos, faixasPreco },
    remetente: { corretorId: corretor.id, corretorNome: corretor.nome, imobiliariaNome: imobiliaria.nome },
    vazio: desempenho.recebidos === 0 && desempenho.visitasSolicitadas === 0,
  };
}
