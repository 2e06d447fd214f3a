// What the lead is looking for (`leads.busca`), as read from the inquiry and the listing.
import type { Busca } from "@/lib/db/schema";
import { formatReais } from "@/lib/painel/contato";

function faixaDePreco(b: Busca): string | null {
  if (b.precoMin && b.precoMax) return `${formatReais(b.precoMin)} a ${formatReais(b.precoMax)}`;
  if (b.precoMax) return `até ${formatReais(b.precoMax)}`;
  if (b.precoMin) return `a partir de ${formatReais(b.precoMin)}`;
  return null;
}

export function LeadBusca({ busca }: { busca: Busca | null }) {
  const linhas: [string, string | null | undefined][] = busca
    ? [
        ["Tipo", busca.tipo],
        ["Finalidade", busca.finalidade === "aluguel" ? "Aluguel" : busca.finalidade === "venda" ? "Compra" : null],
        ["Onde", [busca.bairro, busca.cidade, busca.uf].filter(Boolean).join(", ") || null],
        ["Preço", faixaDePreco(busca)],
        ["Quartos", busca.quartos ? `${busca.quartos}+` : null],
      ]
    : [];
  const visiveis = linhas.filter((l): l is [string, string] => Boolean(l[1]));
  return (
    <section aria-labelledby="lead-busca" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="lead-busca" className="text-sm font-semibold text-ink">
        O que procura
      </h2>
      {visiveis.length === 0 ? (
        <p className="mt-2 text-sm text-muted">O portal não disse o que o lead procura.</p>
      ) : (
        <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-2 sm:grid-cols-3">
          {visiveis.map(([termo, valor]) => (
            <div key={termo} className="min-w-0">
              <dt className="text-xs font-medium uppercase tracking-wide text-muted">{termo}</dt>
              <dd className="break-words text-sm text-ink">{valor}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
