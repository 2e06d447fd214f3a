// The sample lead an admin sends through a portal's real webhook route ("Enviar lead de teste" on
// /configuracoes/integracoes), in each portal's own format. It is known by its e-mail domain:
// `.invalid` is reserved (RFC 2606), so no real person's lead ever carries it, and a portal that sent
// one anyway would only keep its own fake lead from alerting a broker.
import type { NormalizedLead, PortalSlug } from "./normalized-lead";

export const LEAD_DE_TESTE_NOME = "Lead de teste";
const DOMINIO = "teste.lastro.invalid";
const MENSAGEM = "Lead de teste enviado pelo painel do Lastro. Pode ignorar.";

export function isLeadDeTeste(lead: Pick<NormalizedLead, "email">): boolean {
  return lead.email?.toLowerCase().endsWith(`@${DOMINIO}`) ?? false;
}

/**
 * A sample delivery body for `portal`. `id` is the delivery's own id, new each time, so every test
 * is a new delivery; no phone, so a test is never taken for an earlier person's lead.
 */
export function sampleLeadBody(portal: PortalSlug, id: string, at: Date): Record<string, unknown> {
  const email = `${id.toLowerCase()}@${DOMINIO}`;
  switch (portal) {
    case "grupo-olx":
      return {
        leadOrigin: "VivaReal",
        timestamp: at.toISOString(),
        originLeadId: id,
        name: LEAD_DE_TESTE_NOME,
        email,
        message: MENSAGEM,
        extraData: { leadType: "CONTACT_FORM" },
      };
    case "chaves-na-mao":
      return { id, name: LEAD_DE_TESTE_NOME, email, message: MENSAGEM, segment: "REALTY" };
    case "imovelweb":
      return {
        type: "CONTACTO",
        id,
        fechaCreacion: at.toISOString(),
        contacto: { nombre: LEAD_DE_TESTE_NOME, email, mensaje: MENSAGEM },
      };
    case "generico":
      return { id, origem: "teste", nome: LEAD_DE_TESTE_NOME, email, mensagem: MENSAGEM, tipoLead: "formulario" };
  }
}
