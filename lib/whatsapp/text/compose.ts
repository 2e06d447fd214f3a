// WhatsApp text building blocks for the templates: *bold*, clipped lead text without contact data,
// wa.me links, local times and lists that fit in one message ("e mais N…").
import { TZDate } from "@date-fns/tz";
import { isValidPhoneNumber } from "libphonenumber-js/max";
import { isE164 } from "@/lib/phone/e164";
import { maskPii } from "@/lib/privacy/mask";

/** Twilio concatenates WhatsApp text up to 1,600 characters; we never rely on more. */
export const MAX_CORPO = 1600;

const BOLD_BREAKERS = /[*_~`]/g;

/** *bold* — markers inside the text would break the formatting, so they are dropped. */
export function bold(text: string): string {
  return `*${text.replace(BOLD_BREAKERS, "")}*`;
}

export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

const EMAIL = /[^\s@<>()"]+@[^\s@<>()"]+\.[^\s@<>()"]+/g;

/** Text typed by the lead: e-mails removed, phones masked (the phone goes only in the wa.me link). */
export function leadText(text: string, max: number): string {
  return clip(maskPii(text.replace(EMAIL, "[e-mail omitido]")), max);
}

export function firstName(nome: string): string {
  return leadText(nome, 60).split(" ")[0] ?? nome;
}

/** `https://wa.me/<digits>?text=…` (no text when `saudacao` is empty), or null when the phone is not a valid E.164 number. */
export function waMeLink(telefone: string | null, saudacao: string): string | null {
  if (!isE164(telefone) || !isValidPhoneNumber(telefone)) return null;
  if (!saudacao) return `https://wa.me/${telefone.slice(1)}`;
  // encodeURIComponent keeps ( ) ! ' *; WhatsApp's link detection may end a link at ")".
  const text = encodeURIComponent(saudacao).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `https://wa.me/${telefone.slice(1)}?text=${text}`;
}

/** "14h" or "14h05", local to the agency. */
export function horaCurta(at: Date, timezone: string): string {
  const local = new TZDate(at.getTime(), timezone);
  const m = local.getMinutes();
  return `${local.getHours()}h${m === 0 ? "" : String(m).padStart(2, "0")}`;
}

/** "24/11", local to the agency. */
export function diaCurto(at: Date, timezone: string): string {
  const local = new TZDate(at.getTime(), timezone);
  return `${String(local.getDate()).padStart(2, "0")}/${String(local.getMonth() + 1).padStart(2, "0")}`;
}

/** "desde 14h" the same local day; "desde 23/11 às 19h" before it. */
export function desdeTexto(desde: Date, agora: Date, timezone: string): string {
  const mesmoDia = diaCurto(desde, timezone) === diaCurto(agora, timezone);
  return mesmoDia
    ? `desde ${horaCurta(desde, timezone)}`
    : `desde ${diaCurto(desde, timezone)} às ${horaCurta(desde, timezone)}`;
}

export type Secao = { titulo: string; linhas: string[] };

const maisTexto = (n: number) => `e mais ${n}…`;
// Room kept for a cut section's "e mais N…" line (up to four digits).
const MAIS_RESERVA = maisTexto(9999).length + 1;

/**
 * head, then each non-empty section (title + as many lines as fit), then tail — never over `max`.
 * A section that does not fit whole ends with "e mais N…"; later sections keep room for their titles.
 */
export function fitSections(
  head: string,
  secoes: Secao[],
  tail: string,
  max: number = MAX_CORPO,
): { corpo: string; omitidas: number } {
  const visiveis = secoes.filter((s) => s.linhas.length > 0);
  const fim = tail ? `\n\n${tail}` : "";
  const reservaDepois = (i: number) =>
    visiveis.slice(i + 1).reduce((n, s) => n + 2 + s.titulo.length + MAIS_RESERVA, 0) + fim.length;
  let out = head;
  let omitidas = 0;
  visiveis.forEach((secao, i) => {
    out += `\n\n${secao.titulo}`;
    let usadas = 0;
    for (const linha of secao.linhas) {
      const restantes = secao.linhas.length - usadas - 1;
      const precisa = 1 + linha.length + (restantes > 0 ? MAIS_RESERVA : 0) + reservaDepois(i);
      if (out.length + precisa > max) break;
      out += `\n${linha}`;
      usadas++;
    }
    if (usadas < secao.linhas.length) out += `\n${maisTexto(secao.linhas.length - usadas)}`;
    omitidas += secao.linhas.length - usadas;
  });
  return { corpo: `${out}${fim}`, omitidas };
}
