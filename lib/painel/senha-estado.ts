// What a login action answers when it made a temporary password: the password travels only in this
// answer, shown once, and is gone on the next page load (nothing keeps it in clear).
import type { AcaoEstado } from "./acao-estado";

export type SenhaEstado = AcaoEstado & { usuarioId?: string; senhaProvisoria?: string };

export const SENHA_INICIAL: SenhaEstado = { ok: false };
