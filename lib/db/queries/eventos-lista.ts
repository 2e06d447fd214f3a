// /eventos: the Vigilante's detections, newest first, filtered, a page at a time by keyset on (detection
// time, id) — never OFFSET — with each event's lead and broker, and the messages its decision produced.
// Apart from eventos.ts because the pipeline never needs it.
import { and, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { corretores, eventos, leads, type EventoTipo, type Urgencia } from "../schema";
import { idSchema } from "./columns";

export type EventoListado = {
  id: string;
  tipo: EventoTipo | null;
  urgencia: Urgencia | null;
  titulo: string | null;
  descricao: string | null;
  dataDeteccao: Date | null;
  processado: boolean;
  metadata: Record<string, unknown> | null;
  mensagemAgrupadaId: string | null;
  corretorId: string | null;
  corretorNome: string | null;
  leadId: string | null;
  leadNome: string | null;
  leadScore: number | null;
  /** The lead's broker now: a lead passed on since is no longer the first broker's to open. */
  leadCorretorId: string | null;
};

/** What narrows the list; every field optional. Scope (agency, broker) comes apart, from the session. */
export type EventosBusca = {
  tipo?: EventoTipo;
  urgencia?: Urgencia;
  processado?: boolean;
  /** Detected at or after. */
  desde?: Date;
  /** Detected before (exclusive). */
  antes?: Date;
};

/** A page boundary: the detection time as Postgres prints it (microseconds kept) and the id. */
export type EventosCursor = { detectado: string; id: string };
export type EventosPagina = { eventos: EventoListado[]; proximos: EventosCursor | null };

type Scope = { imobiliariaId: string; corretorId: string | null };

function filterConditions(scope: Scope, busca: EventosBusca): SQL[] {
  const c: SQL[] = [eq(eventos.imobiliariaId, idSchema.parse(scope.imobiliariaId))];
  if (scope.corretorId) c.push(eq(eventos.corretorId, idSchema.parse(scope.corretorId)));
  if (busca.tipo) c.push(eq(eventos.tipo, busca.tipo));
  if (busca.urgencia) c.push(eq(eventos.urgencia, busca.urgencia));
  if (busca.processado !== undefined) {
    c.push(busca.processado ? sql`${eventos.processado} is true` : sql`${eventos.processado} is not true`);
  }
  if (busca.desde) c.push(gte(eventos.dataDeteccao, busca.desde));
  if (busca.antes) c.push(lt(eventos.dataDeteccao, busca.antes));
  return c;
}

// A row comparison is an index condition on idx_eventos_imobiliaria_*_deteccao: a deep page starts at its
// boundary instead of walking every newer event. Every writer sets data_deteccao (insertEvento requires
// it), so the "nulls last" tail of the index holds no row to lose.
const olderThan = (cursor: EventosCursor) =>
  sql`(${eventos.dataDeteccao}, ${eventos.id}) < (${cursor.detectado}::timestamp, ${idSchema.parse(cursor.id)})`;

function selectPage(db: Db, where: SQL[], limit: number) {
  return (
    db
      .select({
        id: eventos.id,
        tipo: eventos.tipo,
        urgencia: eventos.urgencia,
        titulo: eventos.titulo,
        descricao: eventos.descricao,
        dataDeteccao: eventos.dataDeteccao,
        processado: sql<boolean>`coalesce(${eventos.processado}, false)`,
        metadata: eventos.metadata,
        mensagemAgrupadaId: eventos.mensagemAgrupadaId,
        corretorId: eventos.corretorId,
        corretorNome: corretores.nome,
        leadId: eventos.leadId,
        leadNome: leads.nome,
        leadScore: leads.score,
        leadCorretorId: leads.corretorId,
        detectado: sql<string>`to_char(${eventos.dataDeteccao}, 'YYYY-MM-DD"T"HH24:MI:SS.US')`,
      })
      .from(eventos)
      .leftJoin(leads, eq(leads.id, eventos.leadId))
      .leftJoin(corretores, eq(corretores.id, eventos.corretorId))
      .where(and(...where))
      // The exact column order and null placement of the idx_eventos_imobiliaria_*_deteccao indexes.
      .orderBy(sql`${eventos.dataDeteccao} desc nulls last`, sql`${eventos.id} desc nulls last`)
      .limit(limit)
  );
}

/** A page's statement, unrun (after `apos` when given): for EXPLAIN in tests and docs. */
export function eventosPageQuery(db: Db, scope: Scope, busca: EventosBusca, limit: number, apos?: EventosCursor) {
  const where = filterConditions(scope, busca);
  return selectPage(db, apos ? [...where, olderThan(apos)] : where, limit + 1);
}

/** One page within `scope` (`corretorId` set = only that broker's events), older than `apos` when given. */
export async function listEventos(
  db: Db,
  scope: Scope,
  busca: EventosBusca,
  pagina: { limit: number; apos?: EventosCursor },
): Promise<EventosPagina> {
  const limit = Math.min(Math.max(Math.trunc(pagina.limit), 1), 200);
  const rows = await eventosPageQuery(db, scope, busca, limit, pagina.apos);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    eventos: page.map(({ detectado: _, ...r }) => r),
    proximos: rows.length > limit && last ? { detectado: last.detectado, id: last.id } : null,
  };
}
