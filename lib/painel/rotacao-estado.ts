// What the credential rotation answers the integrations page: the new secret travels only in this
// answer, shown once, and is gone on the next page load.
import type { AcaoEstado } from "./acao-estado";

export type RotacaoEstado = AcaoEstado & { integracaoId?: string; segredo?: string; comoAutenticar?: string };

export const ROTACAO_INICIAL: RotacaoEstado = { ok: false };
