import type { Papel } from "@/lib/db/schema";
import { NavLinks, type NavItem } from "./nav-links-client";

// Corretores is the team's page: a broker login has no link to it (and the page refuses them), but
// has one to their own settings page instead. Operação and Configurações are the admin's alone.
function navItems(papel: Papel, corretorId: string | null): NavItem[] {
  return [
    { href: "/visao-geral", label: "Visão geral" },
    { href: "/leads", label: "Leads" },
    { href: "/funil", label: "Funil" },
    { href: "/metricas", label: "Métricas" },
    { href: "/mensagens", label: "Mensagens" },
    { href: "/eventos", label: "Eventos" },
    ...(papel !== "corretor"
      ? [{ href: "/corretores", label: "Corretores" }]
      : corretorId
        ? [{ href: `/corretores/${corretorId}`, label: "Minhas preferências" }]
        : []),
    ...(papel === "admin"
      ? [
          { href: "/operacao", label: "Operação" },
          { href: "/configuracoes", label: "Configurações" },
          { href: "/privacidade", label: "Privacidade" },
        ]
      : []),
  ];
}

export function Sidebar({ papel, corretorId }: { papel: Papel; corretorId: string | null }) {
  return (
    <aside className="border-b border-slate-200 bg-white md:fixed md:inset-y-0 md:left-0 md:w-60 md:border-r md:border-b-0">
      <div className="flex flex-col gap-4 px-3 py-2 md:px-4 md:py-6">
        <span className="hidden px-3 text-lg font-bold tracking-tight text-brand-700 md:block">Lastro</span>
        <nav aria-label="Painel">
          <NavLinks items={navItems(papel, corretorId)} />
        </nav>
      </div>
    </aside>
  );
}
