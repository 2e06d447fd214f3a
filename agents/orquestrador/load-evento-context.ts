// Everything the Orquestrador reads about one event before deciding, and how it becomes the
// Conselheiro's input (lead line, listing, what the lead asked, score factors).
import { z } from "zod";
import type { FatorScore, LeadLinha, NovoLeadInput, Remetente } from "@/agents/conselheiro/compose/templates";
import type { Db } from "@/lib/db/client";
import type { Corretor } from "@/lib/db/queries/corretores";
import type { EventoContext } from "@/lib/db/queries/evento-context";
import type { Evento } from "@/lib/db/queries/eventos";
import { getImobiliariaByIdCached, type Imobiliaria } from "@/lib/db/queries/imobiliarias";
import type { Imovel } from "@/lib/db/queries/imoveis";
import type { Lead } from "@/lib/db/queries/leads";
import { AppError } from "@/lib/errors";

export type LoadedEventoContext = {
  evento: Evento;
  imobiliaria: Imobiliaria;
  lead: Lead;
  corretor: Corretor | null;
  imovel: Imovel | null;
  /** The lead's latest portal message. */
  pergunta: string | null;
};

/** Checks what the pipeline needs is there and adds the agency (read through a short memo). */
export async function loadEventoContext(db: Db, found: EventoContext): Promise<LoadedEventoContext> {
  const { evento, lead } = found;
  if (!evento.imobiliariaId) throw new AppError("bad_request", `evento ${evento.id} sem imobiliária`);
  if (!evento.leadId) throw new AppError("bad_request", `evento ${evento.id} (${evento.tipo}) não é sobre um lead`);
  const imobiliaria = await getImobiliariaByIdCached(db, evento.imobiliariaId);
  if (!imobiliaria || !lead)
    throw new AppError("not_found", `imobiliária ou lead do evento ${evento.id} não encontrado`);
  // The event names its broker; one that left the agency or was deleted reads as none.
  const corretor = evento.corretorId ? found.corretor : null;
  return { evento, imobiliaria, lead, corretor, imovel: lead.imovelId ? found.imovel : null, pergunta: found.pergunta };
}

export function toLeadLinha(lead: Lead): LeadLinha {
  return { id: lead.id, nome: lead.nome, origem: lead.origem, score: lead.score ?? 0, telefone: lead.telefone };
}

const fatoresSchema = z.array(z.object({ points: z.number(), explicacao: z.string() }));

/** The factors the Vigilante stored (`metadata.score.fatores`); none when absent or malformed. */
export function fatoresDoLead(lead: Lead): FatorScore[] {
  const score = (lead.metadata as { score?: { fatores?: unknown } } | null)?.score;
  const parsed = fatoresSchema.safeParse(score?.fatores);
  return parsed.success ? parsed.data : [];
}

export function remetenteFor(corretor: Corretor, imobiliaria: Imobiliaria): Remetente {
  return { corretorId: corretor.id, corretorNome: corretor.nome, imobiliariaNome: imobiliaria.nome };
}

const LEAD_EVENT_TIPOS = new Set<NovoLeadInput["tipo"]>(["novo_lead", "lead_retorno", "visita_solicitada"]);

export function novoLeadInput(
  ctx: LoadedEventoContext & { corretor: Corretor },
  recebidoEm: Date | null,
): NovoLeadInput {
  const tipo = LEAD_EVENT_TIPOS.has(ctx.evento.tipo as NovoLeadInput["tipo"])
    ? (ctx.evento.tipo as NovoLeadInput["tipo"])
    : "novo_lead";
  return {
    tipo,
    lead: toLeadLinha(ctx.lead),
    fatores: fatoresDoLead(ctx.lead),
    imovel: ctx.imovel ? { titulo: ctx.imovel.titulo, codigo: ctx.imovel.codigo, bairro: ctx.imovel.bairro } : null,
    mensagem: ctx.pergunta,
    remetente: remetenteFor(ctx.corretor, ctx.imobiliaria),
    recebidoEm: recebidoEm ? { em: recebidoEm, timezone: ctx.imobiliaria.timezone } : null,
  };
}
