// Chaves na Mão lead push. Its `createdAt` is São Paulo wall-clock time with no zone.
import { z } from "zod";
import { normalizePhoneBR } from "@/lib/phone/normalize-phone";
import { buildNormalizedLead, LEAD_LIMITS, NOME_AUSENTE, type NormalizedLead } from "./normalized-lead";
import {
  lenientEmail, optionalDate, optionalId, optionalPrice, optionalText, requiredId, toFinalidade, toUf,
} from "./payload-fields";

const adSchema = z.object(
  {
    id: optionalId,
    title: optionalText(LEAD_LIMITS.titulo),
    reference: optionalId,
    price: optionalPrice,
    type: optionalText(LEAD_LIMITS.tipo),
    purpose: optionalText(20),
    city: optionalText(LEAD_LIMITS.local),
    state: optionalText(LEAD_LIMITS.local),
    neighborhood: optionalText(LEAD_LIMITS.local),
  },
  { error: "deve ser objeto" },
);

const chavesNaMaoPayloadSchema = z.object({
  id: requiredId,
  name: optionalText(LEAD_LIMITS.nome),
  email: lenientEmail,
  phone: optionalText(LEAD_LIMITS.telefone),
  message: optionalText(LEAD_LIMITS.mensagem),
  createdAt: optionalDate,
  ad: adSchema.nullish(),
});

export function parseChavesNaMao(body: unknown): NormalizedLead {
  const p = chavesNaMaoPayloadSchema.parse(body);
  const ad = p.ad;
  return buildNormalizedLead({
    portal: "chaves-na-mao",
    origem: "chavesnamao",
    externalId: p.id,
    createdAt: p.createdAt,
    nome: p.name ?? NOME_AUSENTE,
    telefone: p.phone,
    phone: p.phone ? normalizePhoneBR(p.phone) : null,
    email: p.email,
    mensagem: p.message,
    // The push does not say how the person got in touch; the score treats that as unknown.
    leadType: null,
    temperatura: null,
    finalidade: toFinalidade(ad?.purpose),
    listing: {
      codigo: ad?.reference ?? null,
      portalListingId: ad?.id ?? null,
      titulo: ad?.title ?? null,
      tipo: ad?.type ?? null,
      preco: ad?.price ?? null,
      bairro: ad?.neighborhood ?? null,
      cidade: ad?.city ?? null,
      uf: toUf(ad?.state),
    },
  });
}
