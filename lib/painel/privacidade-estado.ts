// What /privacidade's server actions answer (React's useActionState): the export carries the JSON to
// download; the erasure, what it did.
export type ExportEstado = { ok: boolean; mensagem?: string; json?: string; arquivo?: string };
export type ApagarEstado = { ok: false; mensagem?: string };
