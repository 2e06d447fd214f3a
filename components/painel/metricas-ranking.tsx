// The broker ranking of /metricas: who got leads, how fast they answered, who took them to a visit,
// and how many of their alerts the daily quota held back. "Parte da roleta" counts only the leads the
// roleta routed (not a listing's owner, a fixed broker or a returning person's broker).
import { formatValor } from "@/components/charts/formato";
import { Table, Td, Th } from "@/components/ui/table";
import type { CorretorRanking } from "@/agents/analista/period-performance";

type MetricasRankingProps = {
  ranking: CorretorRanking[];
  /** Each broker's whole percent of the period's leads the roleta routed (DesempenhoPeriodo.roleta). */
  partilhaRoleta: Record<string, number | null>;
  leadsDaRoleta: number;
};

export function MetricasRanking({ ranking, partilhaRoleta, leadsDaRoleta }: MetricasRankingProps) {
  return (
    <section aria-labelledby="ranking-titulo" className="space-y-3">
      <h2 id="ranking-titulo" className="text-base font-semibold text-ink">
        Ranking dos corretores
      </h2>
      <Table label="Ranking dos corretores">
        <thead>
          <tr>
            <Th>Corretor</Th>
            <Th align="right">Leads</Th>
            <Th align="right">Parte dos leads</Th>
            <Th align="right">Parte da roleta</Th>
            <Th align="right">1ª resposta (mediana)</Th>
            <Th align="right">1ª resposta (p90)</Th>
            <Th align="right">Lead → visita</Th>
            <Th align="right">Mensagens enviadas</Th>
            <Th align="right">Retidas pela cota</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100" data-testid="metricas-ranking">
          {ranking.map((c) => (
            <tr key={c.corretorId}>
              <Td>{c.nome}</Td>
              <Td align="right">{formatValor(c.leads, "numero")}</Td>
              <Td align="right">{formatValor(c.partilhaPct, "pct")}</Td>
              <Td align="right">
                {formatValor(leadsDaRoleta > 0 ? (partilhaRoleta[c.corretorId] ?? 0) : null, "pct")}
              </Td>
              <Td align="right">{formatValor(c.medianaMin, "minutos")}</Td>
              <Td align="right">{formatValor(c.p90Min, "minutos")}</Td>
              <Td align="right">{formatValor(c.conversaoVisitaPct, "pct")}</Td>
              <Td align="right">{formatValor(c.enviadas, "numero")}</Td>
              <Td align="right">{formatValor(c.retidas, "numero")}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}
