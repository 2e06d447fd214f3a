// The logged-in dashboard's shell: a header with the agency and the user, the menu of pages.
// Every page below also calls lib/auth/authorize itself: a layout alone does not guard a page.
import type { ReactNode } from "react";
import { IncidentesBanner } from "@/components/painel/incidentes-banner";
import { Sidebar } from "@/components/painel/sidebar";
import { UserMenu } from "@/components/painel/user-menu";
import { requireAccountSession } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db/client";
import { loadImobiliaria } from "@/lib/painel/load-imobiliaria";
import { loadIncidentesAbertos } from "@/lib/painel/operacao";

export default async function PainelLayout({ children }: { children: ReactNode }) {
  // Not requireSession: its redirect to /conta would loop on /conta itself. Each page guards itself.
  const viewer = await requireAccountSession();
  const imobiliaria = await loadImobiliaria(viewer.imobiliariaId);
  // Operations are the admins' concern: only they see the open incidents (one indexed read).
  const incidentes = viewer.papel === "admin" ? await loadIncidentesAbertos((await getDb()).db) : [];
  return (
    <div className="min-h-screen md:pl-60">
      {/* On a phone, one short bar (brand, agency, user) over the menu; on a desk the menu is a fixed sidebar. */}
      <header className="flex h-14 items-center justify-between gap-3 border-b border-slate-200 bg-white/90 px-4 backdrop-blur md:sticky md:top-0 md:z-10 md:h-16 md:px-6">
        <div className="min-w-0 leading-tight">
          <span className="text-base font-bold tracking-tight text-brand-700 md:hidden">Lastro</span>
          <p
            className="truncate text-xs font-medium text-muted md:text-sm"
            data-testid="painel-imobiliaria"
            title={imobiliaria.nome}
          >
            {imobiliaria.nome}
          </p>
        </div>
        <UserMenu nome={viewer.nome} papel={viewer.papel} />
      </header>
      <IncidentesBanner incidentes={incidentes} timezone={imobiliaria.timezone} />
      <Sidebar papel={viewer.papel} corretorId={viewer.corretorId} />
      <main className="mx-auto max-w-7xl px-4 py-5 md:px-6 md:py-8">{children}</main>
    </div>
  );
}
