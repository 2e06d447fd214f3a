// One event with everything the Orquestrador reads before deciding (its lead, broker, listing and
// the lead's latest portal message) in ONE round trip: it runs for every lead that arrives.
import { and, desc, eq, inArray, isNotNull, ne, sql, type Placeholder, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { preparedPerDb, UNNAMED } from "../wire/prepared-per-db";
import { corretores, eventos, imoveis, interacoes, leads } from "../schema";
import { z } from "zod";
import { idSchema } from "./columns";
import { toCorretor, type Corretor } from "./corretores";
import type { Evento } from "./eventos";
import type { Imovel } from "./imoveis";
import type { Lead } from "./leads";

export type EventoContext = {
  evento: Evento;
  lead: Lead | null;
  corretor: Corretor | null;
  imovel: Imovel | null;
  /** The lead's latest portal message (first inquiry or a repeat one). */
  pergunta: string | null;
  /** For any event but `novo_lead` (with a lead and a broker): the lead's earlier outreach to this broker. */
  historico: HistoricoDoLead | null;
};

export type HistoricoDoLead = { aguardando: boolean; retornoHoje: boolean; visitaAnterior: boolean };

/** The message key of a lead's daily "voltou a perguntar" (the São Paulo day, AAAA-MM-DD). */
export const retornoKey = (leadId: string, corretorId: string, dia: string) => `retorno:${leadId}:${corretorId}:${dia}`;

// Each branch is a range of an index that holds little: the lead's events (idx_eventos_lead), the
// broker's events waiting for a digest and held alerts (the partial indexes), a key lookup. Only
// repeats pay for them (a CASE branch's subqueries run only when taken); statuses are literals so
// a prepared statement's generic plan can still use the partial indexes.
// "Detected before this event", written so that no plan walks the primary key's range of every
// earlier event of every lead (`o.id < e.id` alone invited that): the lead's own rows are read.
const antes = sql`(o.data_deteccao, o.id) < (${eventos.dataDeteccao}, ${eventos.id})`;
const ehRepeticao = sql`${eventos.tipo} <> 'novo_lead' and ${eventos.leadId} is not null and ${eventos.corretorId} is not null`;
const aguardando = sql`case when ${ehRepeticao} then (
  exists (select 1 from eventos o where o.lead_id = ${eventos.leadId} and o.corretor_id = ${eventos.corretorId}
    and o.processado = false and ${antes})
  or exists (select 1 from eventos o where o.corretor_id = ${eventos.corretorId} and o.lead_id = ${eventos.leadId}
    and o.processado = true and o.mensagem_agrupada_id is null and (o.metadata -> 'decisao' ->> 'acao') = 'agrupar'
    and (o.metadata -> 'cancelamento') is null)
  or exists (select 1 from mensagens m where m.corretor_id = ${eventos.corretorId} and m.lead_id = ${eventos.leadId}
    and m.status = 'retida_cota' and m.tipo = 'alerta' and m.mensagem_agrupada_id is null)
  or exists (select 1 from mensagens m where m.status in ('agendada', 'pendente', 'enviando') and m.tipo = 'alerta'
    and m.corretor_id = ${eventos.corretorId} and m.lead_id = ${eventos.leadId})
) end`;
const retornoHoje = (dia: string | Placeholder) => sql`case when ${ehRepeticao} then exists (select 1 from mensagens m
  where m.idempotency_key = concat('retorno:', ${eventos.leadId}::text, ':', ${eventos.corretorId}::text, ':', ${dia}::text)) end`;
const visitaAnterior = sql`case when ${ehRepeticao} and ${eventos.tipo} = 'visita_solicitada' then exists (select 1 from eventos o
  where o.lead_id = ${eventos.leadId} and o.tipo = 'visita_solicitada' and ${antes}) else false end`;

const diaSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const PORTAL_MESSAGE_TIPOS = ["mensagem_portal", "nova_consulta"] as const;

// It runs for every lead: built and rendered once per database handle, then only its values change
// (drizzle's builders cost more of the worker's CPU than the statement costs Postgres).
const preparedContext = preparedPerDb((db) =>
  buildEventoContextQuery(db, eq(eventos.id, sql.placeholder("id")), sql.placeholder("dia")).prepare(UNNAMED),
);

/** `dia`: today's São Paulo day (AAAA-MM-DD), for the lead's daily "voltou a perguntar" key. */
export async function getEventoContext(db: Db, eventoId: string, opts: { dia: string }): Promise<EventoContext | null> {
  const [row] = await preparedContext(db).execute({ id: idSchema.parse(eventoId), dia: diaSchema.parse(opts.dia) });
  return row ? toEventoContext(row) : null;
}

type ContextRow = Awaited<ReturnType<typeof buildEventoContextQuery>>[number];

function toEventoContext(row: ContextRow): EventoContext {
  return {
    evento: row.evento,
    lead: row.lead,
    corretor: row.corretor ? toCorretor(row.corretor) : null,
    imovel: row.imovel,
    pergunta: row.pergunta,
    historico:
      row.aguardando === null || row.retornoHoje === null
        ? null
        : {
            aguardando: row.aguardando === true,
            retornoHoje: row.retornoHoje === true,
            visitaAnterior: row.visitaAnterior === true,
          },
  };
}

/** Several events' contexts in one round trip (the embedded runner's routine batch), by event id; a missing id is absent. */
export async function getEventoContexts(
  db: Db,
  eventoIds: readonly string[],
  opts: { dia: string },
): Promise<Map<string, EventoContext>> {
  if (eventoIds.length === 0) return new Map();
  const ids = eventoIds.map((id) => idSchema.parse(id));
  const rows = await buildEventoContextQuery(db, inArray(eventos.id, ids), diaSchema.parse(opts.dia));
  return new Map(rows.map((row) => [row.evento.id, toEventoContext(row)]));
}

/** The query itself, so a test can check that a first inquiry's read runs none of the repeat subqueries. */
export function eventoContextQuery(db: Db, eventoId: string, opts: { dia: string }) {
  return buildEventoContextQuery(db, eq(eventos.id, idSchema.parse(eventoId)), diaSchema.parse(opts.dia));
}

function buildEventoContextQuery(db: Db, which: SQL, dia: string | Placeholder) {
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
  return db
    .select({
      evento: eventos,
      lead: leads,
      corretor: corretores,
      imovel: imoveis,
      pergunta: sql<string | null>`(${pergunta})`,
      aguardando: sql<boolean | null>`${aguardando}`,
      retornoHoje: sql<boolean | null>`${retornoHoje(dia)}`,
      visitaAnterior: sql<boolean | null>`${visitaAnterior}`,
    })
    .from(eventos)
    .leftJoin(leads, and(eq(leads.id, eventos.leadId), eq(leads.imobiliariaId, eventos.imobiliariaId)))
    .leftJoin(
      corretores,
      and(eq(corretores.id, eventos.corretorId), eq(corretores.imobiliariaId, eventos.imobiliariaId)),
    )
    .leftJoin(imoveis, and(eq(imoveis.id, leads.imovelId), eq(imoveis.imobiliariaId, eventos.imobiliariaId)))
    .where(which);
}
