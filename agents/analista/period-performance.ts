// The PerformanceCalculator over a period for the dashboard (/metricas, /visao-geral): leads per day
// by portal, first response per day (median, p90), the funnel, portals, the broker ranking and the
// WhatsApp messages per day. Same first-response rule and median as the weekly summary's.
import type { Db } from "@/lib/db/client";
import { listCorretores } from "@/lib/db/queries/corretores";
import {
  ETAPAS_FUNIL,
  loadLeadsMetricas,
  type ContagemEtapas,
  type EtapaFunil,
  type LeadsMetricasRows,
  type MetricasPeriodo,
  type MetricasScope,
  type RespostaAgregada,
} from "@/lib/db/queries/metricas-leads";
import {
  loadMensagensMetricas,
  type ContagemMensagens,
  type MensagensMetricasRows,
} from "@/lib/db/queries/metricas-mensagens";
import { localDaysIn } from "@/lib/time/local-day";

export type Resposta = { medianaMin: number | null; p90Min: number | null; medidas: number };
export type EtapaComConversao = { etapa: "lead" | EtapaFunil; leads: number; conversaoPct: number | null };
export type PortalDesempenho = ContagemEtapas & {
  origem: string;
  conversaoVisitaPct: number | null;
  conversaoFechadoPct: number | null;
};
export type CorretorRanking = Resposta &
  Omit<ContagemMensagens, "agendadas"> & {
    corretorId: string;
    nome: string;
    leads: number;
    conversaoVisitaPct: number | null;
    /** Whole percent of the period's leads that went to this broker. */
    partilhaPct: number | null;
  };

export type DesempenhoPeriodo = {
  dias: string[];
  /** Portals by volume, most first: the stacking order of the leads chart. */
  origens: string[];
  leadsPorDia: { dia: string; total: number; porOrigem: Record<string, number> }[];
  respostaPorDia: ({ dia: string } & Resposta)[];
  resposta: Resposta;
  funil: EtapaComConversao[];
  portais: PortalDesempenho[];
  /** Null for a broker's own view: other brokers' numbers are not theirs to see. */
  ranking: CorretorRanking[] | null;
  mensagensPorDia: ({ dia: string } & ContagemMensagens)[];
  mensagens: ContagemMensagens;
  /**
   * The period's leads the roleta routed (not the listing's owner, a fixed broker, a returning person's
   * broker) and each broker's whole percent of them, by the broker who holds the lead now.
   */
  roleta: { leads: number; partilhaPct: Record<string, number | null> };
};

/** Whole percent of `de` in `sobre`; null when there is nothing to divide by. */
export function percent(de: number, sobre: number): number | null {
  return sobre > 0 ? Math.round((100 * de) / sobre) : null;
}

const minutos = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v));
const resposta = (r: RespostaAgregada): Resposta => ({
  medianaMin: minutos(r.medianaMin),
  p90Min: minutos(r.p90Min),
  medidas: r.medidas,
});

export function funnelOf(c: ContagemEtapas): EtapaComConversao[] {
  const etapas: EtapaComConversao[] = [{ etapa: "lead", leads: c.leads, conversaoPct: null }];
  let anterior = c.leads;
  for (const etapa of ETAPAS_FUNIL) {
    etapas.push({ etapa, leads: c[etapa], conversaoPct: percent(c[etapa], anterior) });
    anterior = c[etapa];
  }
  return etapas;
}

type Nomes = ReadonlyMap<string, string>;

export function summarizePeriod(
  dias: string[],
  leads: LeadsMetricasRows,
  msgs: MensagensMetricasRows,
  nomes: Nomes | null,
): DesempenhoPeriodo {
  const origens = leads.porPortal.map((p) => p.origem);
  const porDia = new Map(dias.map((dia) => [dia, { dia, total: 0, porOrigem: {} as Record<string, number> }]));
  for (const r of leads.porDiaPortal) {
    const d = porDia.get(r.dia);
    if (!d) continue;
    d.total += r.leads;
    d.porOrigem[r.origem] = r.leads;
  }
  const respostaDia = new Map(leads.respostaPorDia.map((r) => [r.dia, resposta(r)]));
  const msgDia = new Map(msgs.porDia.map((m) => [m.dia, m]));
  const soma = (k: keyof ContagemEtapas) => leads.porPortal.reduce((a, p) => a + p[k], 0);
  const total: ContagemEtapas = {
    leads: soma("leads"),
    contato: soma("contato"),
    visita: soma("visita"),
    proposta: soma("proposta"),
    fechado: soma("fechado"),
  };
  const zero: ContagemMensagens = { enviadas: 0, retidas: 0, agendadas: 0 };
  const mensagensPorDia = dias.map((dia) => {
    const m = msgDia.get(dia);
    return { dia, enviadas: m?.enviadas ?? 0, retidas: m?.retidas ?? 0, agendadas: m?.agendadas ?? 0 };
  });
  return {
    dias,
    origens,
    leadsPorDia: [...porDia.values()],
    respostaPorDia: dias.map((dia) => ({
      dia,
      ...(respostaDia.get(dia) ?? { medianaMin: null, p90Min: null, medidas: 0 }),
    })),
    resposta: resposta(leads.resposta),
    funil: funnelOf(total),
    portais: leads.porPortal.map((p) => ({
      ...p,
      conversaoVisitaPct: percent(p.visita, p.leads),
      conversaoFechadoPct: percent(p.fechado, p.leads),
    })),
    ranking: nomes ? rankBrokers(leads, msgs, nomes, total.leads) : null,
    mensagensPorDia,
    roleta: roletaShare(leads),
    mensagens: mensagensPorDia.reduce(
      (a, m) => ({
        enviadas: a.enviadas + m.enviadas,
        retidas: a.retidas + m.retidas,
        agendadas: a.agendadas + m.agendadas,
      }),
      zero,
    ),
  };
}

function roletaShare(leads: LeadsMetricasRows): DesempenhoPeriodo["roleta"] {
  const total = leads.roleta.reduce((a, r) => a + r.leads, 0);
  const partilhaPct: Record<string, number | null> = {};
  for (const r of leads.roleta) if (r.corretorId) partilhaPct[r.corretorId] = percent(r.leads, total);
  return { leads: total, partilhaPct };
}

/** Every broker of the agency, those without a lead in the period too (a zero is a figure), most leads first. */
function rankBrokers(leads: LeadsMetricasRows, msgs: MensagensMetricasRows, nomes: Nomes, totalLeads: number) {
  const porCorretor = new Map(leads.porCorretor.map((c) => [c.corretorId, c]));
  const msgPorCorretor = new Map(msgs.porCorretor.map((m) => [m.corretorId, m]));
  return [...nomes.entries()]
    .map(([corretorId, nome]): CorretorRanking => {
      const c = porCorretor.get(corretorId);
      const m = msgPorCorretor.get(corretorId);
      return {
        corretorId,
        nome,
        leads: c?.leads ?? 0,
        ...(c ? resposta(c) : { medianaMin: null, p90Min: null, medidas: 0 }),
        conversaoVisitaPct: c ? percent(c.visita, c.leads) : null,
        enviadas: m?.enviadas ?? 0,
        retidas: m?.retidas ?? 0,
        partilhaPct: percent(c?.leads ?? 0, totalLeads),
      };
    })
    .sort((a, b) => b.leads - a.leads || a.nome.localeCompare(b.nome, "pt-BR"));
}

export async function calculatePeriodPerformance(
  db: Db,
  scope: MetricasScope,
  periodo: MetricasPeriodo,
): Promise<DesempenhoPeriodo> {
  const [leads, msgs, corretores] = await Promise.all([
    loadLeadsMetricas(db, scope, periodo),
    loadMensagensMetricas(db, scope, periodo),
    scope.corretorId ? Promise.resolve(null) : listCorretores(db, scope.imobiliariaId),
  ]);
  const nomes = corretores ? new Map(corretores.map((c) => [c.id, c.nome])) : null;
  return summarizePeriod(localDaysIn(periodo.desde, periodo.ate, periodo.timezone), leads, msgs, nomes);
}
