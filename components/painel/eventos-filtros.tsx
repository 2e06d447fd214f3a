// /eventos' filters: a plain GET form, so a filtered view is a shareable URL and needs no JavaScript.
import Link from "next/link";
import { EVENTO_TIPOS, URGENCIAS } from "@/lib/db/schema";
import type { EventosFiltros as Filtros } from "@/lib/painel/eventos-filtros";
import { TIPO_EVENTO_ROTULO, URGENCIA_ROTULO } from "@/lib/painel/rotulos";
import { CampoCorretor, CamposPeriodo } from "@/components/ui/campos-filtro";
import { campo, rotuloCampo } from "@/components/ui/estilos";

type EventosFiltrosProps = {
  filtros: Filtros;
  /** null = no broker filter (a broker login sees only their own events). */
  corretores: { id: string; nome: string }[] | null;
  filtrado: boolean;
};

export function EventosFiltros({ filtros, corretores, filtrado }: EventosFiltrosProps) {
  return (
    <form
      method="get"
      action="/eventos"
      className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
      data-testid="eventos-filtros"
    >
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-3">
        <label className={rotuloCampo}>
          Tipo
          <select name="tipo" defaultValue={filtros.tipo ?? ""} className={campo} data-testid="filtro-tipo">
            <option value="">Todos</option>
            {EVENTO_TIPOS.map((t) => (
              <option key={t} value={t}>
                {TIPO_EVENTO_ROTULO[t]}
              </option>
            ))}
          </select>
        </label>
        <label className={rotuloCampo}>
          Urgência
          <select name="urgencia" defaultValue={filtros.urgencia ?? ""} className={campo} data-testid="filtro-urgencia">
            <option value="">Todas</option>
            {URGENCIAS.map((u) => (
              <option key={u} value={u}>
                {URGENCIA_ROTULO[u].rotulo.replace("Urgência ", "")}
              </option>
            ))}
          </select>
        </label>
        {corretores ? <CampoCorretor corretores={corretores} valor={filtros.corretor} /> : null}
        <label className={rotuloCampo}>
          Situação
          <select
            name="processado"
            defaultValue={filtros.processado ?? ""}
            className={campo}
            data-testid="filtro-processado"
          >
            <option value="">Todas</option>
            <option value="sim">Decididos</option>
            <option value="nao">Aguardando decisão</option>
          </select>
        </label>
        <CamposPeriodo de={filtros.de} ate={filtros.ate} prefixo="Detectado" />
      </div>
      <div className="flex items-center gap-3">
        <button
          type="submit"
          className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
        >
          Filtrar
        </button>
        {filtrado ? (
          <Link href="/eventos" className="text-sm font-medium text-muted underline hover:text-ink">
            Limpar filtros
          </Link>
        ) : null}
      </div>
    </form>
  );
}
