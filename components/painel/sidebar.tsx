import type { Papel } from "@/lib/db/schema";
import { NavLinks, type NavItem } from "./nav-links-client";

// Corretores is the team's page: a broker login has no link to it (and the page refuses them).
function navItems(papel: Papel): NavItem[] {
  return [
    { href: "/visao-geral", label: "Visão geral" },
    { href: "/mensagens", label: "Mensagens" },
    { href: "/leads", label: "Leads" },
    { href: "/eventos", label: "Eventos" },
    ...(papel === "corretor" ? [] : [{ href: "/corretores", label: "Corretores" }]),
  ];
}

export function Sidebar({ imobiliariaNome, papel }: { imobiliariaNome: string; papel: Papel }) {
  return (
    <aside className="border-b border-slate-200 bg-white md:fixed md:inset-y-0 md:left-0 md:w-60 md:border-r md:border-b-0">
      <div className="flex flex-col gap-2 px-4 py-3 md:gap-4 md:py-6">
        <div className="px-3">
          <span className="text-lg font-bold tracking-tight text-brand-700">Lastro</span>
          <p
            className="mt-0.5 truncate text-xs font-medium text-muted"
            data-testid="painel-imobiliaria"
            title={imobiliariaNome}
          >
            {imobiliariaNome}
          </p>
        </div>
        <nav aria-label="Painel">
          <NavLinks items={navItems(papel)} />
        </nav>
      </div>
    </aside>
  );
}
