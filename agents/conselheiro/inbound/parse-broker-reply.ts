// What a broker's WhatsApp reply asks for: a quick-reply button (its payload names the lead), the
// button's text, or a typed command. Accents, case and punctuation do not matter.

export type LeadAcao = "ja_contatei" | "passar" | "lembrar" | VisitaAcao;
/** The answers to "Como foi a visita?" (posVisitaButtons). */
export type VisitaAcao = "visita_realizada" | "visita_perdida" | "remarcar";

export type PausaPedido =
  { tipo: "ate_amanha" } | { tipo: "duracao"; minutos: number } | { tipo: "ate_hora"; hora: number; minuto: number };

export type BrokerCommand =
  | { tipo: "lead"; acao: LeadAcao; leadId: string | null }
  | { tipo: "resumo" }
  /** `pausa` null: "pausar" followed by something we could not read. */
  | { tipo: "pausar"; pausa: PausaPedido | null }
  | { tipo: "retomar" }
  | { tipo: "ajuda" }
  | { tipo: "desconhecido" };

export type BrokerReplyInput = { body?: string | null; buttonPayload?: string | null; buttonText?: string | null };

/** Button ids as leadButtons() writes them, plus the English ids of older Content templates. */
const PAYLOAD_ACOES: Record<string, LeadAcao> = {
  ja_contatei: "ja_contatei",
  passar: "passar",
  lembrar: "lembrar",
  lead_contacted: "ja_contatei",
  lead_pass: "passar",
  lead_remind: "lembrar",
  visita_ok: "visita_realizada",
  visita_nao: "visita_perdida",
  remarcar: "remarcar",
};
const LEAD_ID = /^[A-Za-z0-9_.-]{1,50}$/;
/** A pause longer than a week is a mistake more often than a holiday. */
export const MAX_PAUSA_MINUTOS = 7 * 24 * 60;

const TEXTO_ACOES: [RegExp, LeadAcao][] = [
  [/^(ja )?(contatei|contactei|liguei|falei com (ele|ela))$/, "ja_contatei"],
  [/^(passar|repassar)( (adiante|para outro|pra outro))?$/, "passar"],
  [/^lembrar( (em|daqui a|daqui) ?(1|uma) ?(h|hora))?$|^lembrar (depois|mais tarde)$/, "lembrar"],
  [/^(a )?visita (foi )?realizada$|^(a )?visita foi (boa|otima|feita)$|^visitou$/, "visita_realizada"],
  [/^nao foi( perdido)?$|^(nao veio|nao compareceu|perdido|lead perdido)$/, "visita_perdida"],
  [/^remarcar( (a )?visita)?$/, "remarcar"],
];

/** "Já contatei!" → "ja contatei"; keeps digits, ":" and spaces. */
export function normalizeCommandText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}:\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function parseBrokerReply(input: BrokerReplyInput): BrokerCommand {
  const fromPayload = parsePayload(input.buttonPayload);
  if (fromPayload) return fromPayload;
  return parseText(input.buttonText?.trim() ? input.buttonText : (input.body ?? ""));
}

function parsePayload(payload: string | null | undefined): BrokerCommand | null {
  const match = /^([a-z_]+):(.+)$/.exec(payload?.trim() ?? "");
  const acao = match ? PAYLOAD_ACOES[match[1]!] : undefined;
  if (!match || !acao || !LEAD_ID.test(match[2]!)) return null;
  return { tipo: "lead", acao, leadId: match[2]! };
}

function parseText(raw: string): BrokerCommand {
  const text = normalizeCommandText(raw);
  for (const [pattern, acao] of TEXTO_ACOES) if (pattern.test(text)) return { tipo: "lead", acao, leadId: null };
  if (/^resumo( do dia| de hoje)?$/.test(text)) return { tipo: "resumo" };
  if (/^(retomar|despausar|voltar)$/.test(text)) return { tipo: "retomar" };
  if (/^(ajuda|menu|comandos|opcoes|help)$/.test(text)) return { tipo: "ajuda" };
  const pausar = /^(pausar|pausa)(?: (.*))?$/.exec(text);
  if (pausar) return { tipo: "pausar", pausa: parsePausa(pausar[2] ?? "") };
  return { tipo: "desconhecido" };
}

function parsePausa(rest: string): PausaPedido | null {
  if (rest === "" || /^(ate )?amanha$/.test(rest)) return { tipo: "ate_amanha" };
  const duracao = /^(?:por )?(\d{1,4}) ?(h|hr|hrs|hora|horas|m|min|mins|minuto|minutos)$/.exec(rest);
  if (duracao) {
    const minutos = Number(duracao[1]) * (duracao[2]!.startsWith("h") ? 60 : 1);
    return minutos >= 1 && minutos <= MAX_PAUSA_MINUTOS ? { tipo: "duracao", minutos } : null;
  }
  const hora = /^ate (?:as )?(\d{1,2})(?:(?:h|:)(\d{2})?)?$/.exec(rest);
  if (hora) {
    const h = Number(hora[1]);
    const m = Number(hora[2] ?? 0);
    return h <= 23 && m <= 59 ? { tipo: "ate_hora", hora: h, minuto: m } : null;
  }
  return null;
}
