// One event with everything the Orquestrador reads before deciding (its lead, broker, listing and
// the lead's latest portal message) in ONE round trip: it runs for every lead that arrives.
import { and, desc, eq, inArray, isNotNull, ne, sql } from "drizzle-orm";
import type { Db } from "../client";
import { corretores, eventos, imoveis, interacoes, leads } from "../schema";
import { idSchema } from "./columns";
import { toCorretor, type Corretor } from "./corretores";
import type { Evento } from "./eventos";
import type { Imovel } from "./imoveis";
import type { Lead } from "./leads";

export type EventoComContexto = {
  evento: Evento;
  lead: Lead | null;
  corretor: Corretor | null;
  imovel: Imovel | null;
  /** The lead's latest portal message (first inquiry or a repeat one). */
  pergunta: string | null;
};

const PORTAL_MESSAGE_TIPOS = ["mensagem_portal", "nova_consulta"] as const;

export async function getEventoComContexto(db: Db, eventoId: string): Promise<EventoComContexto | null> {
  const id = idSchema.parse(eventoId);
  const pergunta = db
    .select({ conteudo: interacoes.conteudo })
    .from(interacoes)
    .where(
      and(
        eq(interacoes.leadId, eventos.leadId),
        inArray(interacoes.tipo, [...PORTAL_MESSAGE_TIPOS]),
        isNotNull(interacoes.conteudo),
        ne(interacoes.conteudo, ""),
      ),
    )
    .orderBy(desc(interacoes.id))
    .limit(1);
  // Tenancy: the lead, broker and listing must be in the event's own agency.
  const [row] = await db
    .select({ evento: eventos, lead: leads, corretor: corretores, imovel: imoveis, pergunta: sql<string | null>`(${pergunta})` })
    .from(eventos)
    .leftJoin(leads, and(eq(leads.id, eventos.leadId), eq(leads.imobiliariaId, eventos.imobiliariaId)))
    .leftJoin(corretores, and(eq(corretores.id, eventos.corretorId), eq(corretores.imobiliariaId, eventos.imobiliariaId)))
    .leftJoin(imoveis, and(eq(imoveis.id, leads.imovelId), eq(imoveis.imobiliariaId, eventos.imobiliariaId)))
    .where(eq(eventos.id, id));
  if (!row) return null;
  return {
    evento: row.evento,
    lead: row.lead,
    corretor: row.corretor ? toCorretor(row.corretor) : null,
    imovel: row.imovel,
    pergunta: row.pergunta,
  };
}
