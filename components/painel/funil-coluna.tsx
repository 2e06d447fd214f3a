// One status of the board: its name and total, its newest leads (bounded: "Ver todos" opens the
// whole column in the lead list), and a drop target for a dragged card. Full width on a phone, where
// the columns snap side by side; a fixed width with its own scroll on a desk.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { Limiares } from "@/components/ui/score-badge";
import type { CartaoVista, ColunaVista, FunilEstado } from "@/lib/painel/funil-quadro";
import { FunilCartao } from "./funil-cartao";

type FunilColunaProps = {
  coluna: ColunaVista;
  destacada: boolean;
  onDragOver: () => void;
  onDrop: () => void;
  cartao: {
    limiares: Limiares;
    mostrarCorretor: boolean;
    mover: (form: FormData) => void;
    pendente: boolean;
    estadoDe: (leadId: string) => FunilEstado | null;
    onDragStart: (lead: CartaoVista) => void;
    onDragEnd: () => void;
  };
};

export function FunilColuna({ coluna, destacada, onDragOver, onDrop, cartao }: FunilColunaProps) {
  const { estadoDe, ...resto } = cartao;
  const titulo = `coluna-${coluna.status}-titulo`;
  const ocultos = coluna.total - coluna.leads.length;
  return (
    <section
      id={`coluna-${coluna.status}`}
      aria-labelledby={titulo}
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = "move";
        onDragOver();
      }}
      onDrop={(e) => {
        e.preventDefault();
        onDrop();
      }}
      className={`flex w-full shrink-0 snap-start scroll-mt-4 flex-col rounded-xl border p-2 md:w-72 ${
        destacada ? "border-brand-500 bg-brand-50" : "border-slate-200 bg-slate-50"
      }`}
      data-testid="funil-coluna"
      data-status={coluna.status}
    >
      <header className="flex items-center justify-between gap-2 px-1 pb-2">
        <h2 id={titulo} className="flex items-center gap-2 text-sm font-semibold text-ink">
          <Badge tom={coluna.tom}>{coluna.rotulo}</Badge>
          <span className="tabular-nums text-muted" data-testid="funil-coluna-total">
            {coluna.total}
          </span>
        </h2>
        {coluna.total > 0 ? (
          <Link
            href={coluna.verTodos}
            className="rounded text-xs font-medium text-brand-700 underline hover:text-brand-900 focus-visible:outline-2 focus-visible:outline-brand-600"
            data-testid="funil-ver-todos"
          >
            Ver todos<span className="sr-only"> em {coluna.rotulo}</span>
          </Link>
        ) : null}
      </header>
      {coluna.leads.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 px-3 py-6 text-center text-sm text-muted">
          Nenhum lead nesta etapa.
        </p>
      ) : (
        <ul className="space-y-2 md:max-h-[70vh] md:overflow-y-auto md:pr-1" aria-labelledby={titulo}>
          {coluna.leads.map((lead) => (
            <FunilCartao key={lead.id} lead={lead} estado={estadoDe(lead.id)} {...resto} />
          ))}
        </ul>
      )}
      {ocultos > 0 ? (
        <p className="px-1 pt-2 text-xs text-muted">
          Mostrando os {coluna.leads.length} mais recentes de {coluna.total}.
        </p>
      ) : null}
    </section>
  );
}
