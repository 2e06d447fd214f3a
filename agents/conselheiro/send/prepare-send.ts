// What one attempt sends for a row: free text, the quick-reply variant (real buttons, in session),
// or the kind's business-initiated template (outside WhatsApp's 24-hour window, or after 63016).
import type { Db } from "@/lib/db/client";
import { getCorretorById } from "@/lib/db/queries/corretores";
import { ultimaMensagemRecebidaEm } from "@/lib/db/queries/corretores-whatsapp";
import { getImobiliariaByIdCached } from "@/lib/db/queries/imobiliarias";
import type { Mensagem } from "@/lib/db/queries/mensagens";
import type { TwilioTemplates } from "@/lib/domain/twilio-templates";
import { contentFor, type ContentSend, type TemplateSources } from "@/lib/whatsapp/content-templates";

export type SendContext = { sources: TemplateSources; sessaoAberta: boolean };

export type Envio =
  | { forma: "texto" }
  | { forma: "botoes"; content: ContentSend }
  | { forma: "template"; content: ContentSend }
  /** A template is required and none is configured for the row's kind. */
  | { forma: "sem_template" };

// Twilio counts 24 h from the broker's last message; near the edge a template is the safer bet.
const SESSAO_MS = 24 * 60 * 60_000 - 30 * 60_000;

/** The agency's template settings and whether the broker wrote us recently enough for free text. */
export async function loadSendContext(
  db: Db,
  row: Mensagem,
  env: TwilioTemplates | undefined,
  now: Date,
): Promise<SendContext> {
  const [imobiliaria, corretor] = await Promise.all([
    getImobiliariaByIdCached(db, row.imobiliariaId),
    // A manager's login has no WhatsApp window on record: their messages go as templates when one is set.
    row.corretorId ? getCorretorById(db, row.imobiliariaId, row.corretorId) : null,
  ]);
  const ultima = corretor ? ultimaMensagemRecebidaEm(corretor) : null;
  return {
    sources: { imobiliaria: imobiliaria?.configuracoes.twilioTemplates ?? null, env: env ?? null },
    sessaoAberta: ultima !== null && now.getTime() - ultima.getTime() < SESSAO_MS,
  };
}

export function prepareSend(row: Mensagem, ctx: SendContext, exigeTemplate: boolean): Envio {
  const template = businessTemplate(row, ctx.sources);
  if (exigeTemplate) return template ? { forma: "template", content: template } : { forma: "sem_template" };
  // Without a template the free text still gets its try: our record of the window may be stale
  // (the broker wrote before it was kept), and Twilio's 63016 settles it.
  if (!ctx.sessaoAberta && template) return { forma: "template", content: template };
  const quickReply = contentFor(row, "comBotoes", ctx.sources);
  return quickReply ? { forma: "botoes", content: quickReply } : { forma: "texto" };
}

function businessTemplate(row: Mensagem, sources: TemplateSources): ContentSend | null {
  // A row already sent as a template (or created with one) keeps it: a re-send is the same message.
  if (row.templateSid) return { contentSid: row.templateSid, contentVariables: row.templateVariaveis ?? {} };
  return contentFor(row, "foraDaJanela", sources);
}

export const contentOf = (envio: Envio): ContentSend | null =>
  envio.forma === "botoes" || envio.forma === "template" ? envio.content : null;
