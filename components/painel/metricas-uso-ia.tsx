// "Uso da IA" on /metricas (managers): what the model did in the period and its estimated cost.
import { Table, Td, Th } from "@/components/ui/table";
import { TAREFA_ROTULO, type UsoIa } from "@/lib/painel/uso-ia";

const NUM = new Intl.NumberFormat("pt-BR");
const USD = new Intl.NumberFormat("pt-BR", { style: "currency", currency: "USD", maximumFractionDigits: 2 });

export function MetricasUsoIa({
  uso,
  ligada,
  limiteMensalUsd,
}: {
  uso: UsoIa;
  ligada: boolean;
  limiteMensalUsd: number | null;
}) {
  return (
    <section
      aria-labelledby="uso-ia"
      className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
      data-testid="metricas-uso-ia"
    >
      <h2 id="uso-ia" className="text-sm font-semibold text-ink">
        Uso da IA
      </h2>
      <p className="mt-1 text-sm text-muted" data-testid="metricas-uso-ia-resumo">
        {uso.total.chamadas === 0
          ? ligada
            ? "Nenhuma chamada à IA no período."
            : "IA desligada (sem OPENAI_API_KEY): as regras automáticas escreveram e leram tudo."
          : `${NUM.format(uso.total.chamadas)} chamadas, ${NUM.format(uso.total.tokens)} tokens, custo estimado de ${USD.format(uso.total.custoUsd)}${uso.estimado ? " (preço aproximado para um modelo sem tabela)" : ""}.`}
        {limiteMensalUsd !== null ? ` Limite mensal: ${USD.format(limiteMensalUsd)}.` : ""}
      </p>
      {uso.linhas.length > 0 ? (
        <div className="mt-3">
          <Table label="Uso da IA por tarefa">
            <thead>
              <tr>
                <Th>Tarefa</Th>
                <Th align="right">Chamadas</Th>
                <Th align="right">Falhas</Th>
                <Th align="right">Tokens</Th>
                <Th align="right">Custo (US$)</Th>
              </tr>
            </thead>
            <tbody>
              {uso.linhas.map((l) => (
                <tr key={l.tarefa}>
                  <Td>{TAREFA_ROTULO[l.tarefa] ?? l.tarefa}</Td>
                  <Td align="right">{NUM.format(l.chamadas)}</Td>
                  <Td align="right">{NUM.format(l.falhas)}</Td>
                  <Td align="right">{NUM.format(l.tokens)}</Td>
                  <Td align="right">{USD.format(l.custoUsd)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      ) : null}
    </section>
  );
}
