// What "Enviar lead de teste" answers a portal's card: the webhook's HTTP status and its answer in pt-BR.
import type { AcaoEstado } from "./acao-estado";

export type LeadTesteEstado = AcaoEstado & { integracaoId?: string; status?: number; leadId?: string | null };

export const LEAD_TESTE_INICIAL: LeadTesteEstado = { ok: false };
