// What /privacidade's server actions answer (React's useActionState): the export carries the JSON to
// download; the erasure, what it did.
export type ExportEstado = { ok: boolean; mensagem?: string; json?: string; arquivo?: string };
export type ApagarEstado = { ok: false; mensagem?: string };
/** A new API key, shown once: nothing keeps it in clear. */
export type ChaveEstado = { ok: boolean; mensagem?: string; chave?: string; erros?: Record<string, string> };
