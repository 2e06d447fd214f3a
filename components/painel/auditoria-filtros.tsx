// /configuracoes/auditoria's filters: a plain GET form, so a filtered view is a shareable URL and
// needs no JavaScript.
import Link from "next/link";
import { CamposPeriodo } from "@/components/ui/campos-filtro";
import { botaoPrimario, campo, rotuloCampo } from "@/components/ui/estilos";
import type { AuditoriaFiltros as Filtros } from "@/lib/painel/auditoria-filtros";
import { acaoRotulo } from "@/lib/painel/auditoria-texto";

type Props = {
  filtros: Filtros;
  opcoes: { acoes: string[]; usuarios: { id: string; nome: string }[] };
  filtrado: boolean;
};

export function AuditoriaFiltros({ filtros, opcoes, filtrado }: Props) {
  return (
    <form
      method="get"
      action="/configuracoes/auditoria"
      className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
      data-testid="auditoria-filtros"
    >
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <label className={rotuloCampo}>
          Ação
          <select name="acao" defaultValue={filtros.acao ?? ""} className={campo} data-testid="filtro-acao">
            <option value="">Todas</option>
            {opcoes.acoes.map((a) => (
              <option key={a} value={a}>
                {acaoRotulo(a)}
              </option>
            ))}
          </select>
        </label>
        <label className={rotuloCampo}>
          Usuário
          <select name="usuario" defaultValue={filtros.usuario ?? ""} className={campo} data-testid="filtro-usuario">
            <option value="">Todos</option>
            {opcoes.usuarios.map((u) => (
              <option key={u.id} value={u.id}>
                {u.nome}
              </option>
            ))}
          </select>
        </label>
        <CamposPeriodo de={filtros.de} ate={filtros.ate} />
      </div>
      <div className="flex items-center gap-3">
        <button type="submit" className={botaoPrimario}>
          Filtrar
        </button>
        {filtrado ? (
          <Link href="/configuracoes/auditoria" className="text-sm font-medium text-brand-700 underline">
            Limpar filtros
          </Link>
        ) : null}
      </div>
    </form>
  );
}
