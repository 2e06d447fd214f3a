"use client";
// The lead page's "Não quer contato" (LGPD opt-out): once marked, nothing about the person goes to a
// broker again; the card then says since when and how it was asked. Marking needs a second click
// (a disclosure), and the form posts without JavaScript too.
import { useActionState } from "react";
import { botaoSecundario } from "@/components/ui/estilos";
import { ESTADO_INICIAL, type AcaoEstado } from "@/lib/painel/acao-estado";

type Props = {
  leadId: string;
  /** "desde 05/12 14:30, pelo WhatsApp" when already marked; null otherwise. */
  marcado: string | null;
  /** "legítimo interesse: pedido de contato pelo Grupo OLX em 05/12/2026 14:30"; null for older leads. */
  baseLegal: string | null;
  acao: (prev: AcaoEstado, form: FormData) => Promise<AcaoEstado>;
};

export function LeadOptOut({ leadId, marcado, baseLegal, acao }: Props) {
  const [estado, enviar, enviando] = useActionState(acao, ESTADO_INICIAL);
  return (
    <section aria-labelledby="lead-contato" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="lead-contato" className="text-sm font-semibold text-ink">
        Contato (LGPD)
      </h2>
      {baseLegal ? (
        <p className="mt-1 text-xs text-muted" data-testid="lead-base-legal">
          Base legal: {baseLegal}.
        </p>
      ) : null}
      {marcado ? (
        <p className="mt-2 text-sm text-slate-700" data-testid="lead-opt-out">
          A pessoa pediu para não ser contatada ({marcado}). Nenhum alerta, lembrete ou follow-up sobre ela sai mais.
        </p>
      ) : (
        <form action={enviar} className="mt-2 space-y-2">
          <input type="hidden" name="leadId" value={leadId} />
          <p className="text-sm text-slate-600">
            Se a pessoa pediu para não receber mais contato, marque aqui: os alertas e lembretes sobre ela param.
          </p>
          {/* A disclosure, not state: the second step works before the page's JavaScript has loaded. */}
          <details className="group">
            <summary className={`${botaoSecundario} w-full cursor-pointer list-none`}>Não quer contato</summary>
            <button type="submit" className={`${botaoSecundario} mt-2 w-full`} disabled={enviando}>
              {enviando ? "Marcando…" : "Confirmar: não quer contato"}
            </button>
          </details>
        </form>
      )}
      {estado.mensagem ? (
        <p role="status" className={`mt-2 text-sm ${estado.ok ? "text-emerald-800" : "text-red-700"}`}>
          {estado.mensagem}
        </p>
      ) : null}
    </section>
  );
}
