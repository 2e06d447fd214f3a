// The manager's summary's figures for one agency and period: the dashboard's own PerformanceCalculator
// (leads by portal, conversion, first-response ranking) and DemandAggregator (demand vs stock), the
// period's SLA breaches per broker, and the leads still waiting for a first response.
import type { Db } from "@/lib/db/client";
import { countSlaVioladoPorCorretor, listLeadsAguardando, type LeadAguardando } from "@/lib/db/queries/resumo-gestor";
import { aggregateDemandVsStock, type DemandaEstoque } from "../demand-vs-stock";
import { calculatePeriodPerformance, type EtapaComConversao } from "../period-performance";
import { PENDENTES_DIAS, type Periodo } from "../summary-schedule";

export const AGUARDANDO_MAX = 5;

export type ResumoGestorData = {
  tipo: "diario" | "semanal";
  periodo: Periodo;
  agora: Date;
  timezone: string;
  imobiliariaNome: string;
  leads: number;
  porPortal: { origem: string; leads: number }[];
  funil: EtapaComConversao[];
  resposta: { medianaMin: number | null; medidas: number };
  /** Brokers with a measured first response in the period, fastest median first. */
  ranking: { nome: string; medianaMin: number; medidas: number }[];
  sla: { nome: string; leads: number }[];
  aguardando: { total: number; leads: LeadAguardando[] };
  reprimida: DemandaEstoque[];
  /** No lead, no breach and nobody waiting: no message. */
  vazio: boolean;
};

const DIA_MS = 24 * 60 * 60_000;

export async function loadResumoGestor(
  db: Db,
  input: {
    imobiliaria: { id: string; nome: string; timezone: string };
    tipo: "diario" | "semanal";
    periodo: Periodo;
    now: Date;
  },
): Promise<ResumoGestorData> {
  const { imobiliaria, periodo, now } = input;
  const scope = { imobiliariaId: imobiliaria.id, corretorId: null };
  const janela = { ...periodo, timezone: imobiliaria.timezone };
  const [desempenho, demanda, sla, aguardando] = await Promise.all([
    calculatePeriodPerformance(db, scope, janela),
    aggregateDemandVsStock(db, scope, janela),
    countSlaVioladoPorCorretor(db, { imobiliariaId: imobiliaria.id, ...periodo }),
    listLeadsAguardando(db, {
      imobiliariaId: imobiliaria.id,
      desde: new Date(now.getTime() - PENDENTES_DIAS * DIA_MS),
      ate: now,
      limite: AGUARDANDO_MAX,
    }),
  ]);
  const nomes = new Map((desempenho.ranking ?? []).map((c) => [c.corretorId, c.nome]));
  const leads = desempenho.funil[0]?.leads ?? 0;
  const slaNomeado = sla.map((s) => ({
    nome: (s.corretorId && nomes.get(s.corretorId)) || "sem corretor",
    leads: s.leads,
  }));
  return {
    tipo: input.tipo,
    periodo,
    agora: now,
    timezone: imobiliaria.timezone,
    imobiliariaNome: imobiliaria.nome,
    leads,
    porPortal: desempenho.portais.map((p) => ({ origem: p.origem, leads: p.leads })),
    funil: desempenho.funil,
    resposta: { medianaMin: desempenho.resposta.medianaMin, medidas: desempenho.resposta.medidas },
    ranking: (desempenho.ranking ?? [])
      .flatMap((c) =>
        c.medianaMin === null || c.medidas === 0
          ? []
          : [{ nome: c.nome, medianaMin: c.medianaMin, medidas: c.medidas }],
      )
      .sort((a, b) => a.medianaMin - b.medianaMin || b.medidas - a.medidas || a.nome.localeCompare(b.nome, "pt-BR")),
    sla: slaNomeado,
    aguardando,
    reprimida: demanda.reprimida,
    vazio: leads === 0 && sla.length === 0 && aguardando.total === 0,
  };
}
