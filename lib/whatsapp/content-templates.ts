// One message as a Twilio Content send (ContentSid + ContentVariables) instead of free text: the
// quick-reply variant shows its buttons in session, the business-initiated template goes outside
// the 24-hour window. The sid comes from the agency's settings, else from the env vars.
import type { MensagemTipo } from "@/lib/db/schema";
import {
  TEMPLATE_TIPOS,
  type TemplateTipo,
  type TemplateVariante,
  type TwilioTemplates,
} from "@/lib/domain/twilio-templates";

export type ContentSend = { contentSid: string; contentVariables: Record<string, string> };

/** Where sids come from, in order: the agency's `configuracoes.twilioTemplates`, then env. */
export type TemplateSources = { imobiliaria?: TwilioTemplates | null; env?: TwilioTemplates | null };

export type ContentMessage = {
  tipo: MensagemTipo;
  corpo: string;
  botoes: { id: string; titulo: string }[];
  /** What the message's writer composed for its kind's template ("1", "2"…), if anything. */
  templateVariaveis?: Record<string, string> | null;
};

/** Twilio's limit for the text above quick-reply buttons (twilio/quick-reply `body`). */
export const QUICK_REPLY_BODY_MAX = 1024;
/** WhatsApp template parameters refuse new lines, tabs and runs of spaces, and have a length limit. */
const MAX_TEMPLATE_VARIABLE = 900;

const isTemplateTipo = (tipo: string): tipo is TemplateTipo => (TEMPLATE_TIPOS as readonly string[]).includes(tipo);

export function resolveContentSid(
  tipo: MensagemTipo,
  variante: TemplateVariante,
  sources: TemplateSources,
): string | null {
  if (!isTemplateTipo(tipo)) return null;
  // Field by field: an agency that sets only its quick-reply sid keeps the env's business template.
  return sources.imobiliaria?.[tipo]?.[variante] ?? sources.env?.[tipo]?.[variante] ?? null;
}

/** The whole body as one approved-template variable: one line, clipped. */
export function templateVariablesFromBody(body: string): Record<string, string> {
  const flat = body
    .replace(/\s*\n+\s*/g, " · ")
    .replace(/\s+/g, " ")
    .trim();
  const text = flat.length > MAX_TEMPLATE_VARIABLE ? `${flat.slice(0, MAX_TEMPLATE_VARIABLE - 1)}…` : flat;
  return { "1": text };
}

/**
 * The body under the quick-reply limit. The last paragraph is what the broker acts on (the short
 * reply links), so it stays whole and lines before it are dropped, marked with "…".
 */
export function fitQuickReplyBody(corpo: string, max: number = QUICK_REPLY_BODY_MAX): string {
  if (corpo.length <= max) return corpo;
  const cut = corpo.lastIndexOf("\n\n");
  const tail = cut > 0 ? corpo.slice(cut) : "";
  const room = max - tail.length - "\n…".length;
  if (!tail || room < 40) return `${corpo.slice(0, max - 1).trimEnd()}…`;
  let head = "";
  for (const line of corpo.slice(0, cut).split("\n")) {
    const next = head ? `${head}\n${line}` : line;
    if (next.length > room) break;
    head = next;
  }
  return `${head || corpo.slice(0, room).trimEnd()}\n…${tail}`;
}

/** Button ids in order after the last variable: a tap brings its id back as Twilio's ButtonPayload. */
function withButtonIds(variables: Record<string, string>, botoes: ContentMessage["botoes"]): Record<string, string> {
  const last = Math.max(0, ...Object.keys(variables).map(Number).filter(Number.isInteger));
  const ids = Object.fromEntries(botoes.map((b, i) => [String(last + 1 + i), b.id]));
  return { ...variables, ...ids };
}

/** Quick-reply variant, sent in session: {{1}} the message text, {{2}}, {{3}}… the button ids. */
export function quickReplyVariables(msg: Pick<ContentMessage, "corpo" | "botoes">): Record<string, string> {
  return withButtonIds({ "1": fitQuickReplyBody(msg.corpo) }, msg.botoes);
}

/** Business-initiated template: the kind's composed variables (else the flattened body), then the button ids. */
export function businessTemplateVariables(msg: ContentMessage): Record<string, string> {
  const own = msg.templateVariaveis && Object.keys(msg.templateVariaveis).length > 0 ? msg.templateVariaveis : null;
  return withButtonIds(own ?? templateVariablesFromBody(msg.corpo), msg.botoes);
}

/** The Content send for `variante`, or null when no sid is configured (or, for buttons, the message has none). */
export function contentFor(
  msg: ContentMessage,
  variante: TemplateVariante,
  sources: TemplateSources,
): ContentSend | null {
  const contentSid = resolveContentSid(msg.tipo, variante, sources);
  if (!contentSid) return null;
  if (variante === "comBotoes") {
    return msg.botoes.length > 0 ? { contentSid, contentVariables: quickReplyVariables(msg) } : null;
  }
  return { contentSid, contentVariables: businessTemplateVariables(msg) };
}
