import Link from "next/link";
import { logoutAction } from "@/lib/auth/session-actions";
import type { Papel } from "@/lib/db/schema";
import { PAPEL_ROTULO } from "@/lib/painel/rotulos";

export function UserMenu({ nome, papel }: { nome: string; papel: Papel }) {
  return (
    <div className="flex shrink-0 items-center gap-2 md:gap-4">
      <div className="text-right leading-tight">
        <p className="max-w-36 truncate text-sm font-medium text-ink md:max-w-none" data-testid="usuario-nome">
          {nome}
        </p>
        <p className="text-xs text-muted" data-testid="usuario-papel" data-papel={papel}>
          {PAPEL_ROTULO[papel]}
        </p>
      </div>
      <Link
        href="/conta"
        className="whitespace-nowrap rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50"
      >
        {/* On a phone the short word leaves room for the agency's name beside it. */}
        <span className="sm:hidden">Conta</span>
        <span className="hidden sm:inline">Minha conta</span>
      </Link>
      <form action={logoutAction}>
        <button
          type="submit"
          className="rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50"
        >
          Sair
        </button>
      </form>
    </div>
  );
}
