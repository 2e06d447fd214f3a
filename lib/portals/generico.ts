// Our own documented JSON (generico.md) for agencies' websites and CRMs. Unlike the portals' formats
// it is strict: the agency's developer reads the 422 and fixes the typo.
import { z } from "zod";
import { normalizePhoneBR } from "@/lib/phone/normalize-phone";
import { buildNormalizedLead, FINALIDADES, LEAD_LIMITS, type LeadType, type NormalizedLead } from "./normalized-lead";
import {
  optionalDate, optionalId, optionalPrice, optionalText, requiredId, requiredText, strictEmail,
} from "./payload-fields";

/** pt-BR names in our API, mapped to the lead-type vocabulary the score uses. */
export const TIPO_LEAD_GENERICO: Record<string, LeadType> = {
  visita: "VISIT_REQUEST",
  agendamento: "CLICK_SCHEDULE",
  whatsapp: "CLICK_WHATSAPP",
  chat: "CONTACT_CHAT",
  formulario: "CONTACT_FORM",
  telefone: "PHONE_VIEW",
};
const TIPOS = Object.keys(TIPO_LEAD_GENERICO) as [string, ...string[]];

export const ORIGEM_GENERICA_PADRAO = "site";

const imovelSchema = z.object(
  {
    codigo: optionalId,
    titulo: optionalText(LEAD_LIMITS.titulo),
    tipo: optionalText(LEAD_LIMITS.tipo),
    finalidade: z.enum(FINALIDADES, { error: `use ${FINALIDADES.join(" ou ")}` }).nullish(),
    preco: optionalPrice,
    bairro: optionalText(LEAD_LIMITS.local),
    cidade: optionalText(LEAD_LIMITS.local),
    uf: z.string({ error: "deve ser texto" }).regex(/^[A-Za-z]{2}$/, "use a sigla do estado, como SP").nullish(),
  },
  { error: "deve ser objeto" },
);

export const genericoPayloadSchema = z.object({
  id: requiredId,
  origem: z
    .string({ error: "deve ser texto" })
    .trim()
    .toLowerCase()
    .max(LEAD_LIMITS.origem, `no máximo ${LEAD_LIMITS.origem} caracteres`)
    .regex(/^[a-z0-9][a-z0-9_-]*$/, "use letras, números, - ou _ (ex.: site, instagram)")
    .nullish(),
  criadoEm: optionalDate,
  nome: requiredText(LEAD_LIMITS.nome),
  telefone: optionalText(LEAD_LIMITS.telefone),
  email: strictEmail,
  mensagem: optionalText(LEAD_LIMITS.mensagem),
  tipoLead: z.enum(TIPOS, { error: `use um de: ${TIPOS.join(", ")}` }).nullish(),
  imovel: imovelSchema.nullish(),
});

export type GenericoPayload = z.input<typeof genericoPayloadSchema>;

export function parseGenerico(body: unknown): NormalizedLead {
  const p = genericoPayloadSchema.parse(body);
  const im = p.imovel;
  return buildNormalizedLead({
    portal: "generico",
    origem: p.origem ?? ORIGEM_GENERICA_PADRAO,
    externalId: p.id,
    createdAt: p.criadoEm,
    nome: p.nome,
    telefone: p.telefone,
    phone: p.telefone ? normalizePhoneBR(p.telefone) : null,
    email: p.email,
    mensagem: p.mensagem,
    leadType: p.tipoLead ? (TIPO_LEAD_GENERICO[p.tipoLead] ?? null) : null,
    temperatura: null,
    finalidade: im?.finalidade ?? null,
    listing: {
      codigo: im?.codigo ?? null,
      portalListingId: null,
      titulo: im?.titulo ?? null,
      tipo: im?.tipo ?? null,
      preco: im?.preco ?? null,
      bairro: im?.bairro ?? null,
      cidade: im?.cidade ?? null,
      uf: im?.uf?.toUpperCase() ?? null,
    },
  });
}
