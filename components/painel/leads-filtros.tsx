// /leads' search and filters: a plain GET form (a filtered view is a shareable URL and needs no
// JavaScript). The search box and the two quick filters stay in view; the rest folds away on a phone.
import Link from "next/link";
import { LEAD_STATUS } from "@/lib/db/schema";
import type { LeadsFiltros as Filtros } from "@/lib/painel/leads-filtros";
import { STATUS_LEAD } from "@/lib/painel/rotulos";
import { ORIGENS } from "@/lib/portals/origem-label";
import { CampoCorretor, CamposPeriodo } from "@/components/ui/campos-filtro";
import { campo, rotuloCampo } from "@/components/ui/estilos";

type LeadsFiltrosProps = {
  filtros: Filtros;
  /** null = no broker filter (a broker login sees only their own leads). */
  corretores: { id: string; nome: string }[] | null;
  scoreQuente: number;
  filtrado: boolean;
};

export function LeadsFiltros({ filtros, corretores, scoreQuente, filtrado }: LeadsFiltrosProps) {
  const maisFiltros = Boolean(
    filtros.status ||
    filtros.portal ||
    filtros.corretor ||
    filtros.scoreMin !== undefined ||
    filtros.scoreMax !== undefined ||
    filtros.de ||
    filtros.ate,
  );
  return (
    <form
      method="get"
      action="/leads"
      role="search"
      className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
      data-testid="leads-filtros"
    >
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <label className={`${rotuloCampo} flex-1`}>
          Buscar
          <input
            type="search"
            name="q"
            defaultValue={filtros.q ?? ""}
            maxLength={100}
            placeholder="Nome, e-mail ou telefone"
            className={campo}
            data-testid="filtro-busca"
          />
        </label>
        <button
          type="submit"
          className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
        >
          Filtrar
        </button>
      </div>

      <div>
        <div className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              name="quentes"
              value="1"
              defaultChecked={filtros.quentes ?? false}
              className="size-4 accent-brand-600"
              data-testid="filtro-quentes"
            />
            <span>
              <span className="font-medium text-ink">Só quentes</span>{" "}
              <span className="text-muted">(score ≥ {scoreQuente})</span>
            </span>
          </label>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              name="semContato"
              value="1"
              defaultChecked={filtros.semContato ?? false}
              className="size-4 accent-brand-600"
              aria-describedby="sem-contato-definicao"
              data-testid="filtro-sem-contato"
            />
            <span className="font-medium text-ink">Só sem contato</span>
          </label>
        </div>
        <p id="sem-contato-definicao" className="mt-1 text-xs text-muted">
          Sem contato: ainda “Novo” e sem nenhuma ação do corretor (contato, nota, visita ou mudança de situação).
        </p>
      </div>

      <details open={maisFiltros} className="group">
        <summary className="cursor-pointer text-sm font-medium text-brand-700 hover:text-brand-800">
          Mais filtros
        </summary>
        <div className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <label className={rotuloCampo}>
            Situação
            <select name="status" defaultValue={filtros.status ?? ""} className={campo} data-testid="filtro-status">
              <option value="">Todas</option>
              {LEAD_STATUS.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LEAD[s].rotulo}
                </option>
              ))}
            </select>
          </label>
          <label className={rotuloCampo}>
            Portal
            <select name="portal" defaultValue={filtros.portal ?? ""} className={campo} data-testid="filtro-portal">
              <option value="">Todos</option>
              {ORIGENS.map(([codigo, rotulo]) => (
                <option key={codigo} value={codigo}>
                  {rotulo}
                </option>
              ))}
            </select>
          </label>
          {corretores ? <CampoCorretor corretores={corretores} valor={filtros.corretor} /> : null}
          <fieldset className="min-w-0">
            <legend className={rotuloCampo}>Score</legend>
            <div className="flex items-center gap-2">
              <input
                type="number"
                name="scoreMin"
                min={0}
                max={100}
                defaultValue={filtros.scoreMin ?? ""}
                aria-label="Score mínimo"
                placeholder="de 0"
                className={campo}
              />
              <input
                type="number"
                name="scoreMax"
                min={0}
                max={100}
                defaultValue={filtros.scoreMax ?? ""}
                aria-label="Score máximo"
                placeholder="até 100"
                className={campo}
              />
            </div>
          </fieldset>
          <CamposPeriodo de={filtros.de} ate={filtros.ate} prefixo="Recebido" />
        </div>
      </details>

      {filtrado ? (
        <Link href="/leads" className="inline-block text-sm font-medium text-muted underline hover:text-ink">
          Limpar filtros
        </Link>
      ) : null}
    </form>
  );
}
