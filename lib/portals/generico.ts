// Our own documented JSON (generico.md) for agencies' websites and CRMs. Read as leniently as the
// portals' formats: a site's form rarely retries, so a typo costs a lead; what was adjusted is
// flagged on the lead (metadata.entrada.ajustes) for the agency's developer to fix.
import { normalizePhoneBR } from "@/lib/phone/normalize-phone";
import { foldText } from "@/lib/text/fold-text";
import {
  buildNormalizedLead,
  FINALIDADES,
  LEAD_LIMITS,
  NOME_AUSENTE,
  type Finalidade,
  type LeadType,
  type NormalizedLead,
} from "./normalized-lead";
import { toUf } from "./payload-fields";
import { PayloadReader } from "./payload-reader";

/** pt-BR names in our API, mapped to the lead-type vocabulary the score uses. */
export const TIPO_LEAD_GENERICO: Record<string, LeadType> = {
  visita: "VISIT_REQUEST",
  agendamento: "CLICK_SCHEDULE",
  whatsapp: "CLICK_WHATSAPP",
  chat: "CONTACT_CHAT",
  formulario: "CONTACT_FORM",
  telefone: "PHONE_VIEW",
};

export const ORIGEM_GENERICA_PADRAO = "site";
const ORIGEM = /^[a-z0-9][a-z0-9_-]*$/;

/** The documented body (generico.md); what arrives may be anything, and is read field by field. */
export type GenericoPayload = {
  id: string | number;
  origem?: string | null;
  criadoEm?: string | null;
  nome: string;
  telefone?: string | null;
  email?: string | null;
  mensagem?: string | null;
  tipoLead?: string | null;
  imovel?: {
    codigo?: string | number | null;
    titulo?: string | null;
    tipo?: string | null;
    finalidade?: string | null;
    preco?: number | null;
    bairro?: string | null;
    cidade?: string | null;
    uf?: string | null;
  } | null;
};

export function parseGenerico(body: unknown): NormalizedLead {
  const r = PayloadReader.of(body);
  const telefone = r.text("telefone", LEAD_LIMITS.telefone);
  const im = r.object("imovel");
  return buildNormalizedLead(
    {
      portal: "generico",
      origem: readOrigem(r),
      externalId: r.deliveryKey("id", LEAD_LIMITS.id),
      createdAt: r.date("criadoEm"),
      nome: r.text("nome", LEAD_LIMITS.nome, "nome") ?? NOME_AUSENTE,
      telefone,
      phone: telefone ? normalizePhoneBR(telefone) : null,
      email: r.email("email", LEAD_LIMITS.email),
      mensagem: r.text("mensagem", LEAD_LIMITS.mensagem, "mensagem"),
      leadType: r.choice("tipoLead", (t) => TIPO_LEAD_GENERICO[foldText(t)] ?? null),
      temperatura: null,
      finalidade: im?.choice("finalidade", toFinalidadeGenerica) ?? null,
      listing: {
        codigo: im?.id("codigo", LEAD_LIMITS.id) ?? null,
        portalListingId: null,
        titulo: im?.text("titulo", LEAD_LIMITS.titulo) ?? null,
        tipo: im?.text("tipo", LEAD_LIMITS.tipo) ?? null,
        preco: im?.amount("preco", LEAD_LIMITS.preco) ?? null,
        bairro: im?.text("bairro", LEAD_LIMITS.local) ?? null,
        cidade: im?.text("cidade", LEAD_LIMITS.local) ?? null,
        uf: im?.choice("uf", toUf) ?? null,
      },
      ajustes: r.ajustes,
      textoOriginal: r.textoOriginal,
    },
    ["telefone", "email"],
  );
}

/** "Instagram" → "instagram" as documented; "meu site!" → "meu-site", flagged. */
function readOrigem(r: PayloadReader): string {
  const given = r.text("origem", LEAD_LIMITS.origem)?.toLowerCase();
  if (!given) return ORIGEM_GENERICA_PADRAO;
  if (ORIGEM.test(given)) return given;
  const slug = foldText(given)
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/^[-_]+|-+$/g, "");
  r.note("origem", slug ? "convertido" : "descartado", "use letras, números, - ou _ (ex.: site, instagram)");
  return slug || ORIGEM_GENERICA_PADRAO;
}

function toFinalidadeGenerica(value: string): Finalidade | null {
  const folded = foldText(value);
  return (FINALIDADES as readonly string[]).includes(folded) ? (folded as Finalidade) : null;
}
