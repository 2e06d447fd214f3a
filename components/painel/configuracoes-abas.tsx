// The configurações pages' tab bar: plain links (a page is a URL), wrapping on a phone.
import Link from "next/link";

const ABAS = [
  { href: "/configuracoes", rotulo: "Imobiliária" },
  { href: "/configuracoes/integracoes", rotulo: "Integrações" },
  { href: "/configuracoes/usuarios", rotulo: "Usuários" },
  { href: "/configuracoes/auditoria", rotulo: "Auditoria" },
] as const;

export function ConfiguracoesAbas({ atual }: { atual: (typeof ABAS)[number]["href"] }) {
  return (
    <nav aria-label="Configurações" className="border-b border-slate-200">
      <ul className="flex flex-wrap gap-1">
        {ABAS.map((aba) => (
          <li key={aba.href}>
            <Link
              href={aba.href}
              aria-current={aba.href === atual ? "page" : undefined}
              className={`-mb-px block border-b-2 px-3 py-2 text-sm font-medium ${
                aba.href === atual
                  ? "border-brand-600 text-brand-800"
                  : "border-transparent text-slate-600 hover:border-slate-300 hover:text-ink"
              }`}
            >
              {aba.rotulo}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
