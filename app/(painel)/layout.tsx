// The logged-in dashboard's shell: sidebar with the agency and the pages, header with the user.
// Every page below also calls lib/auth/authorize itself: a layout alone does not guard a page.
import type { ReactNode } from "react";
import { Sidebar } from "@/components/painel/sidebar";
import { UserMenu } from "@/components/painel/user-menu";
import { requireSession } from "@/lib/auth/authorize";
import { loadImobiliaria } from "@/lib/painel/load-imobiliaria";

export default async function PainelLayout({ children }: { children: ReactNode }) {
  const viewer = await requireSession();
  const imobiliaria = await loadImobiliaria(viewer.imobiliariaId);
  return (
    <div className="min-h-screen">
      <Sidebar imobiliariaNome={imobiliaria.nome} papel={viewer.papel} />
      <div className="md:pl-60">
        <header className="flex h-14 items-center justify-end border-b border-slate-200 bg-white/90 px-4 backdrop-blur md:sticky md:top-0 md:z-10 md:h-16 md:px-6">
          <UserMenu nome={viewer.nome} papel={viewer.papel} />
        </header>
        <main className="mx-auto max-w-7xl px-4 py-6 md:px-6 md:py-8">{children}</main>
      </div>
    </div>
  );
}
