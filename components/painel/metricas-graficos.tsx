// /metricas' charts: the PerformanceCalculator's and DemandAggregator's figures as chart rows, each
// with a sentence that says what the marks show (the chart frame puts the table beside it).
import type { DemandaVsEstoque } from "@/agents/analista/demand-vs-stock";
import type { DesempenhoPeriodo } from "@/agents/analista/period-performance";
import { BarrasEmpilhadas } from "@/components/charts/barras-empilhadas-client";
import { BarrasHorizontais } from "@/components/charts/barras-horizontais-client";
import { formatValor } from "@/components/charts/formato";
import { Linhas } from "@/components/charts/linhas-client";
import { origemLabel } from "@/lib/portals/origem-label";

const ETAPA_ROTULO = { lead: "Leads", contato: "Contato", visita: "Visita", proposta: "Proposta", fechado: "Fechado" };
const n = (v: number | null) => formatValor(v, "numero");
const min = (v: number | null) => formatValor(v, "minutos");
const pct = (v: number | null) => formatValor(v, "pct");

export function GraficoLeadsPorDia({ d }: { d: DesempenhoPeriodo }) {
  const total = d.leadsPorDia.reduce((a, l) => a + l.total, 0);
  const topo = d.portais[0];
  return (
    <BarrasEmpilhadas
      testId="grafico-leads-dia"
      titulo="Leads por dia, por portal"
      resumo={
        total === 0
          ? "Nenhum lead no período."
          : `${n(total)} leads em ${d.dias.length} dias; ${origemLabel(topo?.origem)} trouxe mais (${n(topo?.leads ?? 0)}).`
      }
      series={d.origens.map((o) => ({ chave: o, nome: origemLabel(o || null) }))}
      linhas={d.leadsPorDia.map((l) => ({
        rotulo: l.dia,
        valores: Object.fromEntries(d.origens.map((o) => [o, l.porOrigem[o] ?? 0])),
      }))}
      rotulosSaoDias
    />
  );
}

export function GraficoPrimeiraResposta({ d }: { d: DesempenhoPeriodo }) {
  const r = d.resposta;
  return (
    <Linhas
      testId="grafico-resposta"
      titulo="Tempo até a primeira resposta"
      resumo={
        r.medidas === 0
          ? "Nenhum lead respondido no período."
          : `Mediana de ${min(r.medianaMin)} e p90 de ${min(r.p90Min)} sobre ${n(r.medidas)} leads respondidos (contato, mudança de status, nota, visita ou toque no link).`
      }
      series={[
        { chave: "mediana", nome: "Mediana" },
        { chave: "p90", nome: "p90 (9 em 10 respondidos até)" },
      ]}
      linhas={d.respostaPorDia.map((x) => ({ rotulo: x.dia, valores: { mediana: x.medianaMin, p90: x.p90Min } }))}
      formato="minutos"
      rotulosSaoDias
    />
  );
}

export function GraficoFunil({ d }: { d: DesempenhoPeriodo }) {
  const passos = d.funil.slice(1).map((e) => `${ETAPA_ROTULO[e.etapa].toLowerCase()} ${pct(e.conversaoPct)}`);
  return (
    <BarrasHorizontais
      testId="grafico-funil"
      titulo="Funil: lead → contato → visita → proposta → fechado"
      resumo={`De ${n(d.funil[0]!.leads)} leads; conversão de cada etapa sobre a anterior: ${passos.join(", ")}.`}
      series={[
        { chave: "leads", nome: "Leads" },
        { chave: "conversao", nome: "Conversão da etapa anterior", formato: "pct", soTabela: true },
      ]}
      linhas={d.funil.map((e) => ({
        rotulo: ETAPA_ROTULO[e.etapa],
        valores: { leads: e.leads, conversao: e.conversaoPct },
      }))}
    />
  );
}

export function GraficoPortais({ d }: { d: DesempenhoPeriodo }) {
  const melhor = [...d.portais]
    .filter((p) => p.leads > 0)
    .sort((a, b) => (b.conversaoVisitaPct ?? 0) - (a.conversaoVisitaPct ?? 0))[0];
  return (
    <BarrasHorizontais
      testId="grafico-portais"
      titulo="Portais: volume e conversão"
      resumo={
        melhor
          ? `${origemLabel(melhor.origem || null)} converte mais em visita (${pct(melhor.conversaoVisitaPct)} dos seus ${n(melhor.leads)} leads).`
          : "Nenhum lead no período."
      }
      series={[
        { chave: "leads", nome: "Leads" },
        { chave: "visita", nome: "Chegaram à visita" },
        { chave: "fechado", nome: "Fechados" },
      ]}
      linhas={d.portais.map((p) => ({
        rotulo: origemLabel(p.origem || null),
        valores: { leads: p.leads, visita: p.visita, fechado: p.fechado },
      }))}
    />
  );
}

export function GraficoMensagens({ d }: { d: DesempenhoPeriodo }) {
  const m = d.mensagens;
  return (
    <BarrasEmpilhadas
      testId="grafico-mensagens"
      titulo="Mensagens por dia"
      resumo={`${n(m.enviadas)} enviadas, ${n(m.retidas)} retidas pela cota diária e ${n(m.agendadas)} agendadas para o horário do corretor.`}
      series={[
        { chave: "enviadas", nome: "Enviadas" },
        { chave: "retidas", nome: "Retidas pela cota" },
        { chave: "agendadas", nome: "Agendadas" },
      ]}
      linhas={d.mensagensPorDia.map((x) => ({
        rotulo: x.dia,
        valores: { enviadas: x.enviadas, retidas: x.retidas, agendadas: x.agendadas },
      }))}
      rotulosSaoDias
    />
  );
}

const DIMENSAO_ROTULO = { bairro: "Bairros", tipo: "Tipos de imóvel", faixa: "Faixas de preço" };

export function GraficosDemanda({ dv }: { dv: DemandaVsEstoque }) {
  return (
    <>
      {(["bairro", "tipo", "faixa"] as const).map((dim) => (
        <BarrasHorizontais
          key={dim}
          testId={`grafico-demanda-${dim}`}
          titulo={`Demanda × estoque: ${DIMENSAO_ROTULO[dim].toLowerCase()}`}
          resumo={
            dv.porDimensao[dim].length === 0
              ? "Nenhum lead disse o que procura no período."
              : `Os mais procurados pelos ${n(dv.leadsComBusca)} leads que disseram o que buscam, ao lado dos imóveis ativos que atendem.`
          }
          series={[
            { chave: "leads", nome: "Leads que procuram" },
            { chave: "imoveis", nome: "Imóveis ativos" },
          ]}
          linhas={dv.porDimensao[dim].map((i) => ({ rotulo: i.nome, valores: { leads: i.leads, imoveis: i.imoveis } }))}
        />
      ))}
    </>
  );
}
