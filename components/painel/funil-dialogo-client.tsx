"use client";
// Asked after a drop that needs more than the destination: the reason a lead was lost (required, as
// on the lead page), or when the visit is (optional). A modal <dialog>: foco moves into it, Esc cancels.
import { useEffect, useRef } from "react";
import type { LeadStatus } from "@/lib/db/schema";
import type { CartaoVista } from "@/lib/painel/funil-quadro";
import { STATUS_LEAD } from "@/lib/painel/rotulos";
import { campo, foco } from "@/components/ui/estilos";

const botao = `inline-flex min-h-11 items-center justify-center rounded-lg px-4 text-sm font-semibold ${foco}`;

type FunilDialogoProps = {
  lead: CartaoVista;
  para: LeadStatus;
  onConfirm: (form: FormData) => void;
  onCancel: () => void;
};

export function FunilDialogo({ lead, para, onConfirm, onCancel }: FunilDialogoProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const perdido = para === "perdido";
  return (
    <dialog
      ref={ref}
      onClose={onCancel}
      aria-labelledby="funil-dialogo-titulo"
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl bg-white p-5 shadow-xl backdrop:bg-slate-900/40"
      data-testid="funil-dialogo"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onConfirm(new FormData(e.currentTarget));
        }}
        className="space-y-4"
      >
        <h2 id="funil-dialogo-titulo" className="text-base font-semibold text-ink">
          Mover {lead.nome} para {STATUS_LEAD[para].rotulo}
        </h2>
        {perdido ? (
          <label className="block text-sm font-medium text-ink">
            Motivo da perda <span className="text-red-700">(obrigatório)</span>
            <textarea
              name="motivo"
              required
              rows={3}
              maxLength={500}
              autoFocus
              className={campo}
              placeholder="Ex.: comprou com outra imobiliária."
            />
          </label>
        ) : (
          <label className="block text-sm font-medium text-ink">
            Data e hora da visita <span className="font-normal text-muted">(opcional)</span>
            <input type="datetime-local" name="visitaEm" autoFocus className={campo} />
          </label>
        )}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <button
            type="button"
            onClick={() => ref.current?.close()}
            className={`${botao} border border-slate-300 bg-white text-ink hover:bg-slate-50`}
          >
            Cancelar
          </button>
          <button type="submit" className={`${botao} bg-brand-700 text-white hover:bg-brand-800`}>
            {perdido ? "Marcar como perdido" : "Mover"}
          </button>
        </div>
      </form>
    </dialog>
  );
}
