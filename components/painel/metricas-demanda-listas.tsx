// Demand the stock does not answer ("demanda reprimida") and the listings nobody asked about.
import type { DemandaVsEstoque } from "@/agents/analista/demand-vs-stock";
import { formatValor } from "@/components/charts/formato";

const DIMENSAO = { bairro: "bairro", tipo: "tipo", faixa: "faixa de preço" };
const LIMITE_SEM_CONSULTA = 10;

export function MetricasDemandaListas({ dv }: { dv: DemandaVsEstoque }) {
  const sem = dv.semConsulta.slice(0, LIMITE_SEM_CONSULTA);
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
      <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="reprimida-titulo">
        <h2 id="reprimida-titulo" className="text-base font-semibold text-ink">
          Demanda reprimida
        </h2>
        <p className="mt-1 text-sm text-muted">
          O que os leads procuram e o estoque menos atende (menos imóveis por lead).
        </p>
        {dv.reprimida.length === 0 ? (
          <p className="mt-3 text-sm">Nenhuma procura registrada no período.</p>
        ) : (
          <ul className="mt-3 space-y-1 text-sm" data-testid="demanda-reprimida">
            {dv.reprimida.map((r) => (
              <li key={`${r.dimensao}:${r.nome}`}>
                <span className="font-medium">{r.nome}</span> ({DIMENSAO[r.dimensao]}): {formatValor(r.leads, "numero")}{" "}
                {r.leads === 1 ? "lead" : "leads"},{" "}
                {r.imoveis === 0
                  ? "nenhum imóvel ativo"
                  : `${formatValor(r.imoveis, "numero")} ${r.imoveis === 1 ? "imóvel ativo" : "imóveis ativos"}`}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section
        className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
        aria-labelledby="sem-consulta-titulo"
      >
        <h2 id="sem-consulta-titulo" className="text-base font-semibold text-ink">
          Imóveis sem consulta
        </h2>
        <p className="mt-1 text-sm text-muted">
          {formatValor(dv.semConsulta.length, "numero")} de {formatValor(dv.imoveisAtivos, "numero")} imóveis ativos não
          receberam nenhum lead no período.
        </p>
        {sem.length > 0 ? (
          <ul className="mt-3 space-y-1 text-sm" data-testid="imoveis-sem-consulta">
            {sem.map((i) => (
              <li key={i.id}>
                <span className="font-medium">{i.codigo}</span> — {i.titulo ?? i.tipo}
                {i.bairro ? `, ${i.bairro}` : ""}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </div>
  );
}
