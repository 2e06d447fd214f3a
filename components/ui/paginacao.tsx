// "Mais recentes" / "Mais antigas" links of a newest-first list paged by keyset: plain links, so a page
// is a URL and works without JavaScript. Nothing is shown when there is only one page.
import Link from "next/link";
import { LinkPendente } from "./link-pendente-client";

type PaginacaoProps = {
  /** Back to the first (newest) page; null on the first page. */
  maisRecentes: string | null;
  /** The next, older page; null on the last page. */
  maisAntigas: string | null;
  rotulos?: { recentes: string; antigas: string };
};

const linkClass =
  "rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-ink shadow-sm hover:bg-slate-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-500";

export function Paginacao({
  maisRecentes,
  maisAntigas,
  rotulos = { recentes: "← Mais recentes", antigas: "Mais antigas →" },
}: PaginacaoProps) {
  if (!maisRecentes && !maisAntigas) return null;
  return (
    <nav aria-label="Paginação" className="flex items-center justify-between gap-3" data-testid="paginacao">
      {maisRecentes ? (
        <Link href={maisRecentes} className={linkClass} data-testid="pagina-recentes">
          {rotulos.recentes}
          <LinkPendente />
        </Link>
      ) : (
        <span />
      )}
      {maisAntigas ? (
        <Link href={maisAntigas} className={linkClass} data-testid="pagina-antigas">
          {rotulos.antigas}
          <LinkPendente />
        </Link>
      ) : null}
    </nav>
  );
}
