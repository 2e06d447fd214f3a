"use client";
// The board: a column per status, cards moved by their menu (keyboard, no JavaScript needed) or by
// dragging onto another column. A drop moves the card at once and the server action confirms it;
// a drop on Perdido asks the reason first, on Visita agendada the visit's date (optional). Every
// move's answer is read out in one live region, since the card itself changes column.
import { startTransition, useActionState, useOptimistic, useRef, useState } from "react";
import type { Limiares } from "@/components/ui/score-badge";
import type { LeadStatus } from "@/lib/db/schema";
import type { CartaoVista, ColunaVista, FunilEstado } from "@/lib/painel/funil-quadro";
import { FunilColuna } from "./funil-coluna";
import { FunilDialogo } from "./funil-dialogo-client";

type FunilQuadroProps = {
  colunas: ColunaVista[];
  limiares: Limiares;
  mostrarCorretor: boolean;
  mover: (prev: FunilEstado, form: FormData) => Promise<FunilEstado>;
};

type Movimento = { leadId: string; para: LeadStatus };

function aplicar(colunas: ColunaVista[], { leadId, para }: Movimento): ColunaVista[] {
  const lead = colunas.flatMap((c) => c.leads).find((l) => l.id === leadId);
  if (!lead || lead.status === para) return colunas;
  return colunas.map((c) => {
    if (c.status === lead.status) return { ...c, total: c.total - 1, leads: c.leads.filter((l) => l.id !== leadId) };
    if (c.status === para) return { ...c, total: c.total + 1, leads: [{ ...lead, status: para }, ...c.leads] };
    return c;
  });
}

const INICIAL: FunilEstado = { ok: false };

export function FunilQuadro({ colunas, limiares, mostrarCorretor, mover }: FunilQuadroProps) {
  const [estado, acao, pendente] = useActionState(mover, INICIAL);
  const [vistas, moverOtimista] = useOptimistic(colunas, aplicar);
  const arrastado = useRef<CartaoVista | null>(null);
  const [alvo, setAlvo] = useState<LeadStatus | null>(null);
  const [pedido, setPedido] = useState<{ lead: CartaoVista; para: LeadStatus } | null>(null);

  function enviar(lead: CartaoVista, para: LeadStatus, form: FormData) {
    form.set("leadId", lead.id);
    form.set("de", lead.status);
    form.set("para", para);
    startTransition(() => {
      moverOtimista({ leadId: lead.id, para });
      acao(form);
    });
  }

  function soltar(para: LeadStatus) {
    const lead = arrastado.current;
    arrastado.current = null;
    setAlvo(null);
    if (!lead || lead.status === para) return;
    if (para === "perdido" || para === "visita_agendada") setPedido({ lead, para });
    else enviar(lead, para, new FormData());
  }

  const aviso = estado.mensagem ?? (estado.erros ? Object.values(estado.erros).join(" ") : null);
  const arraste = {
    onDragStart: (lead: CartaoVista) => {
      arrastado.current = lead;
    },
    onDragEnd: () => {
      arrastado.current = null;
      setAlvo(null);
    },
  };

  return (
    <div className="space-y-3">
      <p
        role="status"
        aria-live="polite"
        data-testid="funil-aviso"
        className={aviso ? `text-sm ${estado.ok ? "text-brand-800" : "text-amber-800"}` : "sr-only"}
      >
        {aviso}
      </p>
      <div
        className="relative -mx-4 flex items-start snap-x snap-mandatory scroll-px-4 gap-3 overflow-x-auto px-4 pb-3 md:mx-0 md:items-stretch md:snap-none md:px-0"
        data-testid="funil-quadro"
      >
        {vistas.map((coluna) => (
          <FunilColuna
            key={coluna.status}
            coluna={coluna}
            destacada={alvo === coluna.status}
            onDragOver={() => {
              if (arrastado.current && alvo !== coluna.status) setAlvo(coluna.status);
            }}
            onDrop={() => soltar(coluna.status)}
            cartao={{
              limiares,
              mostrarCorretor,
              mover: acao,
              pendente,
              estadoDe: (leadId: string) => (estado.leadId === leadId ? estado : null),
              ...arraste,
            }}
          />
        ))}
      </div>
      {pedido ? (
        <FunilDialogo
          lead={pedido.lead}
          para={pedido.para}
          onCancel={() => setPedido(null)}
          onConfirm={(form) => {
            enviar(pedido.lead, pedido.para, form);
            setPedido(null);
          }}
        />
      ) : null}
    </div>
  );
}
