// /funil's filters: a plain GET form (a filtered board is a shareable URL), broker for managers,
// portal and "só quentes". Two to a row on a phone, so the board starts near the top.
import Link from "next/link";
import type { FunilFiltros as Filtros } from "@/lib/painel/funil-filtros";
import { ORIGENS } from "@/lib/portals/origem-label";
import { CampoCorretor } from "@/components/ui/campos-filtro";
import { campo, rotuloCampo, foco } from "@/components/ui/estilos";

type FunilFiltrosProps = {
  filtros: Filtros;
  /** null = no broker filter (a broker login sees only their own leads). */
  corretores: { id: string; nome: string }[] | null;
  scoreQuente: number;
  filtrado: boolean;
};

const labelClass = `${rotuloCampo} sm:w-56`;
// Without the broker filter the portal takes the whole first row on a phone.
const sozinho = "col-span-2 sm:col-span-1";

export function FunilFiltros({ filtros, corretores, scoreQuente, filtrado }: FunilFiltrosProps) {
  return (
    <form
      method="get"
      action="/funil"
      className="grid grid-cols-2 items-end gap-3 rounded-xl border border-slate-200 bg-white p-3 shadow-sm sm:flex sm:flex-wrap sm:p-4"
      data-testid="funil-filtros"
    >
      {corretores ? <CampoCorretor corretores={corretores} valor={filtros.corretor} className={labelClass} /> : null}
      <label className={`${labelClass} ${corretores ? "" : sozinho}`}>
        Portal
        <select name="portal" defaultValue={filtros.portal ?? ""} className={campo}>
          <option value="">Todos</option>
          {ORIGENS.map(([codigo, rotulo]) => (
            <option key={codigo} value={codigo}>
              {rotulo}
            </option>
          ))}
        </select>
      </label>
      <label className="flex min-h-10 items-center gap-2 text-sm">
        <input
          type="checkbox"
          name="quentes"
          value="1"
          defaultChecked={filtros.quentes ?? false}
          className="size-4 accent-brand-600"
        />
        <span>
          <span className="font-medium text-ink">Só quentes</span>{" "}
          <span className="text-muted">(score ≥ {scoreQuente})</span>
        </span>
      </label>
      <div className="flex items-center justify-end gap-4 sm:justify-start">
        <button
          type="submit"
          className={`rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 ${foco}`}
        >
          Filtrar
        </button>
        {filtrado ? (
          <Link href="/funil" className="text-sm font-medium text-muted underline hover:text-ink">
            Limpar filtros
          </Link>
        ) : null}
      </div>
    </form>
  );
}
