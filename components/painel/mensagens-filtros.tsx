// The outbox filters: a plain GET form, so a filtered view is a shareable URL and needs no JavaScript.
import Link from "next/link";
import { STATUS_MENSAGEM_OPCOES } from "@/lib/painel/rotulos";
import { COM_PROBLEMA } from "@/lib/painel/search-params";
import { CampoCorretor, CamposPeriodo } from "@/components/ui/campos-filtro";
import { campo } from "@/components/ui/estilos";

type MensagensFiltrosProps = {
  /** null = the broker filter is not offered (a broker login sees only their own messages). */
  corretores: { id: string; nome: string }[] | null;
  corretorId: string | null;
  status: string | null;
  /** The period's first and last day (`2026-12-05`), as the date inputs send them. */
  de: string | null;
  ate: string | null;
};

export function MensagensFiltros({ corretores, corretorId, status, de, ate }: MensagensFiltrosProps) {
  return (
    <form
      method="get"
      className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
      data-testid="mensagens-filtros"
    >
      {corretores ? (
        <CampoCorretor
          corretores={corretores}
          valor={corretorId}
          className="min-w-56 flex-1 text-sm font-medium text-ink"
        />
      ) : null}
      <label className="min-w-56 flex-1 text-sm font-medium text-ink">
        Situação
        <select name="status" defaultValue={status ?? ""} className={campo} data-testid="filtro-status">
          <option value="">Todas</option>
          <option value={COM_PROBLEMA}>Com falha ou incerta</option>
          {STATUS_MENSAGEM_OPCOES.map((o) => (
            <option key={o.valor} value={o.valor}>
              {o.rotulo}
            </option>
          ))}
        </select>
      </label>
      <CamposPeriodo de={de} ate={ate} className="min-w-36 flex-1 text-sm font-medium text-ink" />
      <div className="flex items-center gap-2">
        <button
          type="submit"
          className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700"
        >
          Filtrar
        </button>
        {corretorId || status || de || ate ? (
          <Link href="/mensagens" className="px-2 py-2 text-sm font-medium text-muted hover:text-ink">
            Limpar
          </Link>
        ) : null}
      </div>
    </form>
  );
}
