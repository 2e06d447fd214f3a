// /configuracoes/integracoes (admins): one card per portal with the webhook URL to give the portal,
// the last 24 hours of deliveries, a test lead through the real route and the credential rotation. A gestor or corretor gets "sem permissão".
import type { Metadata } from "next";
import { ConfiguracoesAbas } from "@/components/painel/configuracoes-abas";
import { IntegracaoCartao } from "@/components/painel/integracao-cartao";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/table";
import { requireRole } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { loadImobiliaria } from "@/lib/painel/load-imobiliaria";
import { loadIntegracoes } from "@/lib/painel/load-integracoes";
import { enviarLeadDeTesteAction, trocarSegredoAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Integrações · Lastro" };

export default async function IntegracoesPage() {
  const viewer = await requireRole("admin");
  const { db } = await getDb();
  const imobiliaria = await loadImobiliaria(viewer.imobiliariaId);
  const integracoes = await loadIntegracoes(db, imobiliaria, env.publicBaseUrl, new Date());

  return (
    <div className="space-y-6">
      <PageHeader
        title="Configurações"
        description="Os portais que enviam leads para a imobiliária: a URL a cadastrar em cada um e o segredo que ele usa."
      />
      <ConfiguracoesAbas atual="/configuracoes/integracoes" />
      {integracoes.length === 0 ? (
        <EmptyState>Nenhum portal configurado. Rode `npm run setup` para criar as credenciais.</EmptyState>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {integracoes.map((i) => (
            <IntegracaoCartao
              key={i.id}
              integracao={i}
              timezone={imobiliaria.timezone}
              acao={trocarSegredoAction}
              acaoTeste={enviarLeadDeTesteAction}
            />
          ))}
        </div>
      )}
    </div>
  );
}
