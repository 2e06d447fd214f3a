// The WhatsApp outbox: every message to a broker, newest first, as the broker reads it. Without
// Twilio keys this is where the alerts land (status "Na caixa de saída") instead of being sent.
import type { Metadata } from "next";
import { acoesPermitidas } from "@/agents/conselheiro/send/manual-action-rules";
import { avisosAcao } from "@/agents/conselheiro/send/manual-action-texts";
import { AutoRefresh } from "@/components/painel/auto-refresh-client";
import { AvisoAcaoMensagem, MensagemAcoes } from "@/components/painel/mensagem-acoes-client";
import { MensagemCard } from "@/components/painel/mensagem-card";
import { MensagensFiltros } from "@/components/painel/mensagens-filtros";
import { PageHeader } from "@/components/ui/page-header";
import { Paginacao } from "@/components/ui/paginacao";
import { EmptyState } from "@/components/ui/table";
import { narrowToCorretor, requireScope } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db/client";
import { listCorretores } from "@/lib/db/queries/corretores";
import { listMensagens } from "@/lib/db/queries/mensagens";
import { listUsuarios } from "@/lib/db/queries/usuarios";
import { loadImobiliaria } from "@/lib/painel/load-imobiliaria";
import type { Mensagem } from "@/lib/db/queries/mensagens";
import {
  formatCursor,
  mensagensStatusFiltro,
  parseMensagensFiltros,
  type RawSearchParams,
} from "@/lib/painel/search-params";
import { localDayRange } from "@/lib/time/local-day";
import { acaoMensagemAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Mensagens · Lastro" };

// A page of cards, not the whole outbox: each card is a full WhatsApp message with its buttons.
const LIMIT = 25;

type PageProps = { searchParams: Promise<RawSearchParams> };

export default async function MensagensPage({ searchParams }: PageProps) {
  const { viewer, scope } = await requireScope();
  // An unknown or malformed value in the URL is ignored, not an error: the page then shows everything.
  const filtros = parseMensagensFiltros(await searchParams);
  const visible = narrowToCorretor(scope, filtros.corretor);
  const isBroker = scope.corretorId !== null;
  const { db } = await getDb();
  const imobiliaria = await loadImobiliaria(scope.imobiliariaId);
  const de = filtros.de ? localDayRange(filtros.de, imobiliaria.timezone) : null;
  const ate = filtros.ate ? localDayRange(filtros.ate, imobiliaria.timezone) : null;
  const [corretores, usuarios, pagina] = await Promise.all([
    listCorretores(db, scope.imobiliariaId),
    // A broker never sees the managers' messages (listMensagens narrows to their id), so no names needed.
    isBroker ? Promise.resolve([]) : listUsuarios(db, scope.imobiliariaId),
    listMensagens(db, scope.imobiliariaId, {
      corretorId: visible.corretorId ?? undefined,
      status: filtros.status ? mensagensStatusFiltro(filtros.status) : undefined,
      since: de?.start,
      until: ate?.end,
      before: filtros.antes,
      limit: LIMIT + 1, // one more tells whether an older page exists
    }),
  ]);
  const mensagens = pagina.slice(0, LIMIT);
  const ultima = mensagens.at(-1);
  const filtroUrl = (antes: string | null) => {
    const q = new URLSearchParams();
    if (!isBroker && visible.corretorId) q.set("corretor", visible.corretorId);
    if (filtros.status) q.set("status", filtros.status);
    if (de && filtros.de) q.set("de", filtros.de);
    if (ate && filtros.ate) q.set("ate", filtros.ate);
    if (antes) q.set("antes", antes);
    const s = q.toString();
    return s ? `/mensagens?${s}` : "/mensagens";
  };
  const maisAntigas =
    pagina.length > LIMIT && ultima ? filtroUrl(formatCursor({ at: ultima.criadoEm, id: ultima.id })) : null;
  const nomes = new Map([...corretores, ...usuarios].map((c) => [c.id, c.nome]));
  // Only the buttons the login's role may use on the message's status; the action checks again.
  const acoesDe = (m: Mensagem) => {
    const acoes = acoesPermitidas(viewer.papel, m.status);
    return <MensagemAcoes mensagemId={m.id} acoes={acoes} avisos={avisosAcao(acoes, m)} acao={acaoMensagemAction} />;
  };

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
        de={de ? (filtros.de ?? null) : null}
        ate={ate ? (filtros.ate ?? null) : null}
      />
      {mensagens.length === 0 ? (
        <EmptyState>Nenhuma mensagem com esses filtros.</EmptyState>
      ) : (
        <section aria-label="Mensagens" className="space-y-4" data-testid="mensagens-lista">
          {mensagens.map((m) => (
            <MensagemCard
              key={m.id}
              mensagem={m}
              corretorNome={nomes.get(m.corretorId ?? m.usuarioId ?? "") ?? (m.corretorId ? "Corretor" : "Gestão")}
              timezone={imobiliaria.timezone}
              acoes={acoesDe(m)}
            />
          ))}
          <Paginacao maisRecentes={filtros.antes ? filtroUrl(null) : null} maisAntigas={maisAntigas} />
        </section>
      )}
      <AvisoAcaoMensagem />
    </div>
  );
}
