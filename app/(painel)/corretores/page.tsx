// The agency's brokers and their notification settings. For managers only.
import type { Metadata } from "next";
import { connection } from "next/server";
import { CorretorNovo } from "@/components/painel/corretor-novo-client";
import { CorretoresTable } from "@/components/painel/corretores-table";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/table";
import { requireRole } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db/client";
import { listCorretores } from "@/lib/db/queries/corretores";
import { loadImobiliaria } from "@/lib/painel/load-imobiliaria";
import { adicionarCorretorAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Corretores · Lastro" };

export default async function CorretoresPage() {
  const viewer = await requireRole("admin", "gestor");
  await connection(); // "now" (for pauses) is the request's time, not the build's
  const { db } = await getDb();
  const [imobiliaria, corretores] = await Promise.all([
    loadImobiliaria(viewer.imobiliariaId),
    listCorretores(db, viewer.imobiliariaId),
  ]);
  const ativos = corretores.filter((c) => c.ativo !== false).length;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Corretores"
        description={`${ativos} de ${corretores.length} ativos. Horários no fuso da imobiliária (${imobiliaria.timezone}).`}
      />
      {corretores.length === 0 ? (
        <EmptyState>Nenhum corretor cadastrado.</EmptyState>
      ) : (
        <CorretoresTable corretores={corretores} timezone={imobiliaria.timezone} agora={new Date()} />
      )}
      <CorretorNovo acao={adicionarCorretorAction} limiteDiario={imobiliaria.configuracoes.limiteDiarioPadrao} />
    </div>
  );
}
