"use client";
// The buttons under one message card (send a held alert now, retry, settle an uncertain one), and
// the notice that tells what the server answered. The notice lives outside the cards: a message
// that changed status may leave a filtered list ("Retida pela cota") in the same refresh that brings
// the answer, and the answer must stay readable. The server action decides; the buttons mirror its rules.
import { useActionState, useEffect, useState, useSyncExternalStore } from "react";
import type { AcaoManual } from "@/agents/conselheiro/send/manual-action-rules";
import { AVISO_ACAO, ROTULO_ACAO } from "@/agents/conselheiro/send/manual-action-texts";
import { botaoPrimario, botaoSecundario } from "@/components/ui/estilos";
import { ESTADO_INICIAL, type AcaoEstado } from "@/lib/painel/acao-estado";

type Acao = (prev: AcaoEstado, form: FormData) => Promise<AcaoEstado>;

// One notice per tab: the last answer, until closed or the page is left.
let ultimo: AcaoEstado | null = null;
const ouvintes = new Set<() => void>();
function publicar(estado: AcaoEstado | null) {
  ultimo = estado;
  for (const ouvir of ouvintes) ouvir();
}
function assinar(ouvir: () => void) {
  ouvintes.add(ouvir);
  return () => void ouvintes.delete(ouvir);
}

/** The last answer of any card's action, at the bottom of the screen until closed. */
export function AvisoAcaoMensagem() {
  const aviso = useSyncExternalStore(
    assinar,
    () => ultimo,
    () => null,
  );
  useEffect(() => () => publicar(null), []);
  return (
    // Always in the page, so screen readers announce what appears in it.
    <div
      role="status"
      aria-live="polite"
      className="fixed inset-x-3 bottom-3 z-30 sm:left-auto sm:right-6 sm:bottom-6 sm:max-w-md"
    >
      {aviso?.mensagem ? (
        <div
          className={`flex items-start gap-3 rounded-xl border px-4 py-3 text-sm shadow-lg ${
            aviso.ok ? "border-brand-200 bg-brand-50 text-brand-900" : "border-amber-200 bg-amber-50 text-amber-900"
          }`}
          data-testid="mensagem-acao-aviso"
        >
          <p className="min-w-0 flex-1">{aviso.mensagem}</p>
          <button
            type="button"
            onClick={() => publicar(null)}
            className="shrink-0 rounded px-1 text-xs font-semibold underline focus-visible:outline-2 focus-visible:outline-brand-600"
          >
            Fechar
          </button>
        </div>
      ) : null}
    </div>
  );
}

type MensagemAcoesProps = { mensagemId: string; acoes: AcaoManual[]; avisos: string[]; acao: Acao };

// Sending nothing ("Chegou") is the safe answer to an uncertain message; "Reenviar" may duplicate.
const ESTILO: Record<AcaoManual, string> = {
  enviar_agora: botaoPrimario,
  tentar_de_novo: botaoPrimario,
  chegou: botaoPrimario,
  reenviar: botaoSecundario,
};

export function MensagemAcoes({ mensagemId, acoes, avisos, acao }: MensagemAcoesProps) {
  // The answer is handed to the region before React swaps in the refreshed page, which may drop this card.
  const [, executar, pendente] = useActionState(async (prev: AcaoEstado, form: FormData) => {
    const estado = await acao(prev, form);
    publicar(estado);
    return estado;
  }, ESTADO_INICIAL);
  const [clicada, setClicada] = useState<AcaoManual | null>(null);
  if (acoes.length === 0) return null;
  return (
    <div className="border-t border-slate-100 px-4 py-3" data-testid="mensagem-acoes">
      {avisos.map((aviso) => (
        <p key={aviso} className="mb-2 text-xs text-muted">
          {aviso}
        </p>
      ))}
      <div className="flex flex-wrap gap-2">
        {acoes.map((a) => (
          <form
            key={a}
            action={executar}
            className="min-w-0 flex-1 sm:flex-none"
            onSubmit={(e) => {
              if (a === "reenviar" && !window.confirm(AVISO_ACAO.confirmarReenvio)) e.preventDefault();
            }}
          >
            <input type="hidden" name="mensagemId" value={mensagemId} />
            <input type="hidden" name="acao" value={a} />
            <button
              type="submit"
              className={`${ESTILO[a]} w-full`}
              disabled={pendente}
              aria-busy={pendente && clicada === a}
              onClick={() => setClicada(a)}
              data-testid="mensagem-acao"
              data-acao={a}
            >
              {pendente && clicada === a ? "Aguarde…" : ROTULO_ACAO[a]}
            </button>
          </form>
        ))}
      </div>
    </div>
  );
}
