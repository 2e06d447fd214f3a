// A tap on a short link from a WhatsApp message (`/r/<token>`): the token checked against the lead's
// agency's brokers, the tap recorded as the broker's first action, and where the tap goes: the wa.me
// chat with the greeting the long link used to carry, or the lead page.
import { saudacao } from "@/agents/conselheiro/compose/compose-lead";
import type { Db } from "@/lib/db/client";
import { idSchema } from "@/lib/db/queries/columns";
import { listCorretores, type Corretor } from "@/lib/db/queries/corretores";
import { getImobiliariaByIdCached } from "@/lib/db/queries/imobiliarias";
import { getImovelById } from "@/lib/db/queries/imoveis";
import { findLeadByIdForLink, type Lead } from "@/lib/db/queries/leads";
import { readShortLink, verifyShortLink } from "@/lib/links/short-link";
import { waMeLink } from "@/lib/whatsapp/text/compose";
import { rascunhoDoLead } from "../rascunho/rascunho-do-lead";
import { recordLinkTap } from "./record-link-tap";

export type ShortLinkDeps = { db: Db; key: Buffer; now: Date };

export type ShortLinkOutcome =
  | { kind: "whatsapp"; url: string; leadId: string; registrado: boolean }
  | { kind: "painel"; leadId: string; registrado: boolean }
  /** Not a token of ours, altered, or about a lead that no longer exists: nothing said about any lead. */
  | { kind: "invalido" }
  | { kind: "expirado" }
  /** The lead went to another broker since the message: the tap is not this broker's to make. */
  | { kind: "repassado" };

export type FollowOptions = {
  /**
   * Whether a tap by the link's broker counts: not for a link preview, a HEAD request, or a manager
   * following a broker's link from the outbox.
   */
  registrarPara: (corretorId: string) => boolean;
};

export async function followShortLink(
  deps: ShortLinkDeps,
  token: string,
  opts: FollowOptions,
): Promise<ShortLinkOutcome> {
  const parsed = readShortLink(token);
  if (!parsed || !idSchema.safeParse(parsed.leadId).success) return { kind: "invalido" };
  const lead = await findLeadByIdForLink(deps.db, parsed.leadId);
  if (!lead?.imobiliariaId) return { kind: "invalido" };
  const corretores = await listCorretores(deps.db, lead.imobiliariaId);
  const check = verifyShortLink(parsed, { key: deps.key, now: deps.now, corretorIds: corretores.map((c) => c.id) });
  if (!check.ok) return { kind: check.motivo };
  const corretor = corretores.find((c) => c.id === check.link.corretorId)!;
  if (lead.corretorId !== corretor.id) return { kind: "repassado" };

  const registrado =
    opts.registrarPara(corretor.id) &&
    (await recordLinkTap(deps.db, { lead, corretor, kind: check.link.kind, now: deps.now }));
  const url = check.link.kind === "wa" ? await whatsappUrl(deps.db, lead, corretor) : null;
  // A phone that stopped being valid since the message: the lead page shows the contact as it is.
  return url ? { kind: "whatsapp", url, leadId: lead.id, registrado } : { kind: "painel", leadId: lead.id, registrado };
}

/** The chat opens with the lead's reply draft (the model's or the rules'), the greeting as a last resort. */
async function whatsappUrl(db: Db, lead: Lead, corretor: Corretor): Promise<string | null> {
  const rascunho = await rascunhoDoLead(db, lead);
  if (rascunho) return waMeLink(lead.telefone, rascunho.texto);
  const [imobiliaria, imovel] = await Promise.all([
    getImobiliariaByIdCached(db, lead.imobiliariaId!),
    lead.imovelId ? getImovelById(db, lead.imobiliariaId!, lead.imovelId) : null,
  ]);
  const remetente = { corretorNome: corretor.nome, imobiliariaNome: imobiliaria?.nome ?? "" };
  return waMeLink(lead.telefone, saudacao(lead, remetente, imovel));
}
