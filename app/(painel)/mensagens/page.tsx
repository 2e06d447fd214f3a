// The WhatsApp outbox: every message to a broker, newest first, as the broker reads it. Without
// Twilio keys this is where the alerts land (status "Na caixa de saída") instead of being sent.
import type { Metadata } from "next";
import { AutoRefresh } from "@/components/painel/auto-refresh-client";
import { MensagemCard } from "@/components/painel/mensagem-card";
import { MensagensFiltros } from "@/components/painel/mensagens-filtros";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/table";
import { narrowToCorretor, requireScope } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db/client";
import { listCorretores } from "@/lib/db/queries/corretores";
import { listMensagens } from "@/lib/db/queries/mensagens";
import { loadImobiliaria } from "@/lib/painel/load-imobiliaria";
import { parseMensagensFiltros, type RawSearchParams } from "@/lib/painel/search-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Mensagens · Lastro" };

const LIMIT = 100;

type PageProps = { searchParams: Promise<RawSearchParams> };

export default async function MensagensPage({ searchParams }: PageProps) {
  const { scope } = await requireScope();
  // An unknown or malformed value in the URL is ignored, not an error: the page then shows everything.
  const filtros = parseMensagensFiltros(await searchParams);
  const visible = narrowToCorretor(scope, filtros.corretor);
  const { db } = await getDb();
  const [imobiliaria, corretores, mensagens] = await Promise.all([
    loadImobiliaria(scope.imobiliariaId),
    listCorretores(db, scope.imobiliariaId),
    listMensagens(db, scope.imobiliariaId, {
      corretorId: visible.corretorId ?? undefined,
      status: filtros.status ? [filtros.status] : undefined,
      limit: LIMIT,
    }),
  ]);
  const nomes = new Map(corretores.map((c) => [c.id, c.nome]));
  const isBroker = scope.corretorId !== null;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Mensagens"
        description={
          isBroker
            ? "As mensagens do Lastro para o seu WhatsApp, como você as recebe."
            : "O que o Lastro enviou (ou guardou na caixa de saída) para cada corretor, como ele lê no WhatsApp."
        }
        actions={<AutoRefresh />}
      />
      <MensagensFiltros
        corretores={isBroker ? null : corretores.map((c) => ({ id: c.id, nome: c.nome }))}
        corretorId={isBroker ? null : visible.corretorId}
        status={filtros.status ?? null}
      />
      {mensagens.length === 0 ? (
        <EmptyState>Nenhuma mensagem com esses filtros.</EmptyState>
      ) : (
        <section aria-label="Mensagens" className="space-y-4" data-testid="mensagens-lista">
          {mensagens.map((m) => (
            <MensagemCard
              key={m.id}
              mensagem={m}
              corretorNome={nomes.get(m.corretorId) ?? "Corretor"}
              timezone={imobiliaria.timezone}
            />
          ))}
          {mensagens.length === LIMIT ? (
            <p className="text-center text-xs text-muted">
              Mostrando as {LIMIT} mais recentes. Use os filtros para ver outras.
            </p>
          ) : null}
        </section>
      )}
    </div>
  );
}
