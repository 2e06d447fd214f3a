// Who may do what to a message by hand, and from which status. Pure, so the page shows exactly the
// buttons the domain accepts. A broker may retry their own failed message: it reaches only their own
// WhatsApp, the slot was already counted, and the sender still calls the provider once per attempt.
// Sending past the quota is a manager's call; an uncertain message (it may have arrived) is an admin's.
import type { MensagemStatus, Papel } from "@/lib/db/schema";

export const ACOES_MANUAIS = ["enviar_agora", "tentar_de_novo", "chegou", "reenviar"] as const;
export type AcaoManual = (typeof ACOES_MANUAIS)[number];

export const REGRAS_ACAO: Record<AcaoManual, { de: MensagemStatus; papeis: readonly Papel[] }> = {
  enviar_agora: { de: "retida_cota", papeis: ["gestor", "admin"] },
  tentar_de_novo: { de: "falhou", papeis: ["corretor", "gestor", "admin"] },
  chegou: { de: "incerta", papeis: ["admin"] },
  reenviar: { de: "incerta", papeis: ["admin"] },
};

/** The actions a login of `papel` may take on a message now in `status` (its scope checked apart). */
export function acoesPermitidas(papel: Papel, status: MensagemStatus): AcaoManual[] {
  return ACOES_MANUAIS.filter((acao) => REGRAS_ACAO[acao].de === status && REGRAS_ACAO[acao].papeis.includes(papel));
}
