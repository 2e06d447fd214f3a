// The latest leads within the login's scope (a broker sees the leads routed to them).
import type { Metadata } from "next";
import { LeadsTable } from "@/components/painel/leads-table";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/table";
import { requireScope } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db/client";
import { listRecentLeads } from "@/lib/db/queries/leads-recentes";
import { loadImobiliaria } from "@/lib/painel/load-imobiliaria";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Leads · Lastro" };

const LIMIT = 50;

export default async function LeadsPage() {
  const { scope } = await requireScope();
  const { db } = await getDb();
  const [imobiliaria, leads] = await Promise.all([
    loadImobiliaria(scope.imobiliariaId),
    listRecentLeads(db, scope, LIMIT),
  ]);
  const { scoreQuente, scoreMorno } = imobiliaria.configuracoes;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Leads"
        description={`Os ${LIMIT} mais recentes${scope.corretorId ? " encaminhados a você" : ""}. Telefones mascarados; o contato completo vai no alerta do corretor.`}
      />
      {leads.length === 0 ? (
        <EmptyState>Nenhum lead ainda.</EmptyState>
      ) : (
        <LeadsTable
          leads={leads}
          timezone={imobiliaria.timezone}
          limiares={{ quente: scoreQuente, morno: scoreMorno }}
          mostrarCorretor={scope.corretorId === null}
        />
      )}
    </div>
  );
}
