// The operator's incidents (agents/vigilante/operacao/): open one per kind at most — the partial
// unique index makes a second runner's insert a no-op — and resolve it once, by compare-and-set on
// `resolvido_em`. Also the error-rate window's counts, read from mensagens and entregas_webhook.
import { and, desc, eq, gte, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { newId } from "@/lib/ids";
import type { Db } from "../client";
import { entregasWebhook, incidentes, mensagens, type IncidenteTipo, type Severidade } from "../schema";

export type Incidente = typeof incidentes.$inferSelect;

/** Inserts the open incident of this kind; null when one is already open (another runner's, or an older one). */
export async function openIncidente(
  db: Db,
  input: { tipo: IncidenteTipo; severidade: Severidade; abertoEm: Date; detalhes: Incidente["detalhes"] },
): Promise<Incidente | null> {
  const [row] = await db
    .insert(incidentes)
    .values({ id: newId("inc", input.abertoEm.getTime()), ...input })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

/** Closes the incident if still open; null when someone closed it first. */
export async function resolveIncidente(
  db: Db,
  input: { id: string; resolvidoEm: Date; detalhes: Incidente["detalhes"] },
): Promise<Incidente | null> {
  const [row] = await db
    .update(incidentes)
    .set({
      resolvidoEm: input.resolvidoEm,
      detalhes: sql`${incidentes.detalhes} || ${JSON.stringify(input.detalhes)}::jsonb`,
    })
    .where(and(eq(incidentes.id, input.id), isNull(incidentes.resolvidoEm)))
    .returning();
  return row ?? null;
}

export async function listIncidentesAbertos(db: Db): Promise<Incidente[]> {
  return db.select().from(incidentes).where(isNull(incidentes.resolvidoEm)).orderBy(desc(incidentes.abertoEm));
}

/** Open incidents first (newest first), then those opened since `desde`, newest first. */
export async function listIncidentesRecentes(db: Db, desde: Date, limite = 200): Promise<Incidente[]> {
  return db
    .select()
    .from(incidentes)
    .where(or(isNull(incidentes.resolvidoEm), gte(incidentes.abertoEm, desde)))
    .orderBy(sql`${incidentes.resolvidoEm} is null desc`, desc(incidentes.abertoEm))
    .limit(limite);
}

export type ContagemErros = {
  /** WhatsApp sends tried in the window: sent (`sent_at` in it) plus failed (`falhou`, last touched in it). */
  envios: number;
  enviosFalhos: number;
  /** Portal deliveries received in the window, and those Lastro answered with a 5xx. */
  entregas: number;
  entregas5xx: number;
};

/** The error-rate window's counts over [desde, ate). */
export async function countErros(db: Db, desde: Date, ate: Date): Promise<ContagemErros> {
  const [envios, entregas] = await Promise.all([
    db
      .select({
        enviadas: sql<number>`count(*) filter (where ${mensagens.sentAt} >= ${desde} and ${mensagens.sentAt} < ${ate})::int`,
        falhas: sql<number>`count(*) filter (where ${mensagens.status} = 'falhou' and ${mensagens.atualizadoEm} >= ${desde} and ${mensagens.atualizadoEm} < ${ate})::int`,
      })
      .from(mensagens)
      .where(
        or(
          and(isNotNull(mensagens.sentAt), gte(mensagens.sentAt, desde), lt(mensagens.sentAt, ate)),
          and(eq(mensagens.status, "falhou"), gte(mensagens.atualizadoEm, desde), lt(mensagens.atualizadoEm, ate)),
        ),
      ),
    db
      .select({
        total: sql<number>`count(*)::int`,
        erros: sql<number>`count(*) filter (where ${entregasWebhook.statusHttp} >= 500)::int`,
      })
      .from(entregasWebhook)
      .where(and(gte(entregasWebhook.recebidoEm, desde), lt(entregasWebhook.recebidoEm, ate))),
  ]);
  const e = envios[0];
  const p = entregas[0];
  return {
    envios: (e?.enviadas ?? 0) + (e?.falhas ?? 0),
    enviosFalhos: e?.falhas ?? 0,
    entregas: p?.total ?? 0,
    entregas5xx: p?.erros ?? 0,
  };
}
