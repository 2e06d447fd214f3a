// Keyset paging links: the boundary travels in the URL with the filters, so a page is shareable and
// needs no JavaScript.
import Link from "next/link";

type LeadsPaginacaoProps = { maisRecentes: string | null; maisAntigos: string | null };

const linkClass =
  "rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50";

export function LeadsPaginacao({ maisRecentes, maisAntigos }: LeadsPaginacaoProps) {
  if (!maisRecentes && !maisAntigos) return null;
  return (
    <nav aria-label="Páginas" className="flex items-center justify-between gap-3">
      {maisRecentes ? (
        <Link href={maisRecentes} className={linkClass} data-testid="leads-mais-recentes">
          ← Mais recentes
        </Link>
      ) : (
        <span />
      )}
      {maisAntigos ? (
        <Link href={maisAntigos} className={linkClass} data-testid="leads-mais-antigos">
          Mais antigos →
        </Link>
      ) : null}
    </nav>
  );
}
