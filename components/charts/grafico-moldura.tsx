// Every chart's frame: title, a summary in words, the marks (hidden from assistive tech, which reads
// the table instead) and the same figures as a table under "Ver dados em tabela".
import type { ReactNode } from "react";
import { formatDia, formatValor } from "./formato";
import type { GraficoProps } from "./tipos";

export function GraficoMoldura({ children, ...p }: GraficoProps & { children: ReactNode }) {
  const formato = p.formato ?? "numero";
  return (
    <figure className="min-w-0 rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid={p.testId}>
      <figcaption>
        <h2 className="text-base font-semibold text-ink">{p.titulo}</h2>
        <p className="mt-1 text-sm text-muted">{p.resumo}</p>
      </figcaption>
      <div className="mt-4 h-64 w-full min-w-0" aria-hidden="true" data-grafico>
        {children}
      </div>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer font-medium text-brand-700">Ver dados em tabela</summary>
        <div className="mt-2 max-h-80 overflow-auto" tabIndex={0} role="region" aria-label={`Dados: ${p.titulo}`}>
          <table className="min-w-full text-sm">
            <caption className="sr-only">{p.titulo}</caption>
            <thead>
              <tr>
                <th scope="col" className="px-2 py-1 text-left font-semibold text-muted">
                  {p.rotulosSaoDias ? "Dia" : "Item"}
                </th>
                {p.series.map((s) => (
                  <th key={s.chave} scope="col" className="px-2 py-1 text-right font-semibold text-muted">
                    {s.nome}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {p.linhas.map((l) => (
                <tr key={l.rotulo} className="border-t border-slate-100">
                  <th scope="row" className="px-2 py-1 text-left font-normal">
                    {p.rotulosSaoDias ? formatDia(l.rotulo) : l.rotulo}
                  </th>
                  {p.series.map((s) => (
                    <td key={s.chave} className="px-2 py-1 text-right tabular-nums">
                      {formatValor(l.valores[s.chave], s.formato ?? formato)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
