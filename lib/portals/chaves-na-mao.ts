// Chaves na Mão lead push. Its `createdAt` is São Paulo wall-clock time with no zone.
import { normalizePhoneBR } from "@/lib/phone/normalize-phone";
import { buildNormalizedLead, LEAD_LIMITS, NOME_AUSENTE, type NormalizedLead } from "./normalized-lead";
import { toFinalidade, toUf } from "./payload-fields";
import { PayloadReader } from "./payload-reader";

export function parseChavesNaMao(body: unknown): NormalizedLead {
  const r = PayloadReader.of(body);
  const telefone = r.text("phone", LEAD_LIMITS.telefone);
  const ad = r.object("ad");
  return buildNormalizedLead(
    {
      portal: "chaves-na-mao",
      origem: "chavesnamao",
      externalId: r.deliveryKey("id", LEAD_LIMITS.id),
      createdAt: r.date("createdAt"),
      nome: r.text("name", LEAD_LIMITS.nome, "nome") ?? NOME_AUSENTE,
      telefone,
      phone: telefone ? normalizePhoneBR(telefone) : null,
      email: r.email("email", LEAD_LIMITS.email),
      mensagem: r.text("message", LEAD_LIMITS.mensagem, "mensagem"),
      // The push does not say how the person got in touch; the score treats that as unknown.
      leadType: null,
      temperatura: null,
      finalidade: ad?.choice("purpose", toFinalidade) ?? null,
      listing: {
        codigo: ad?.id("reference", LEAD_LIMITS.id) ?? null,
        portalListingId: ad?.id("id", LEAD_LIMITS.id) ?? null,
        titulo: ad?.text("title", LEAD_LIMITS.titulo) ?? null,
        tipo: ad?.text("type", LEAD_LIMITS.tipo) ?? null,
        preco: ad?.amount("price", LEAD_LIMITS.preco) ?? null,
        bairro: ad?.text("neighborhood", LEAD_LIMITS.local) ?? null,
        cidade: ad?.text("city", LEAD_LIMITS.local) ?? null,
        uf: ad?.choice("state", toUf) ?? null,
      },
      ajustes: r.ajustes,
      textoOriginal: r.textoOriginal,
    },
    ["phone", "email"],
  );
}
