// The quiet-portal watch's reads and writes (agents/vigilante/portal-silencioso/): each active
// integration's newest real delivery (a "Enviar lead de teste" delivery is not one), its deliveries
// before that, and its incident — a `portal_silencioso` evento whose id is the incident's key, so two
// sweeps at once insert it once, and whose `metadata.resolvidoEm` is set once, by compare-and-set.
import { createHash } from "node:crypto";
import { and, eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../client";
import { executeRows } from "../execute-rows";
import { eventos, type Portal } from "../schema";
import { idSchema } from "./columns";

export type IncidentePortal = {
  eventoId: string;
  /** The last real delivery before the silence: it names the incident. */
  ultimaEntregaEm: Date;
  resolvidoEm: Date | null;
};

export type RitmoIntegracao = {
  integracaoId: string;
  imobiliariaId: string;
  portal: Portal;
  /** Newest real delivery; null when the portal never delivered. */
  ultimaEntregaEm: Date | null;
  /** The newest incident of this integration, open or resolved. */
  incidente: IncidentePortal | null;
};

// A delivery counts unless its lead is a test lead; a delivery without a lead (refused) still shows
// the portal is sending.
const entregaReal = (alias: string) =>
  sql.raw(`not exists (select 1 from leads tl where tl.id = ${alias}.lead_id and (tl.metadata ->> 'teste') = 'true')`);

/** The statement, unrun: for EXPLAIN in tests and the bench (the sweep's heaviest read). */
export function ritmoIntegracoesQuery(): SQL {
  // Per integration: idx_entregas_imobiliaria_portal_recebido read backwards until a real delivery,
  // and idx_eventos_imobiliaria_tipo_deteccao for the agency's few portal_silencioso events.
  return sql`
    select i.id as "integracaoId", i.imobiliaria_id as "imobiliariaId", i.portal,
      (extract(epoch from u.recebido_em) * 1000)::float8 as "ultimaEntregaMs",
      ev.id as "eventoId", ev.metadata ->> 'ultimaEntregaEm' as "incidenteUltima",
      ev.metadata ->> 'resolvidoEm' as "incidenteResolvido"
    from integracoes i
    left join lateral (
      select e.recebido_em from entregas_webhook e
      where e.imobiliaria_id = i.imobiliaria_id and e.portal = i.portal and ${entregaReal("e")}
      order by e.recebido_em desc limit 1
    ) u on true
    left join lateral (
      select x.id, x.metadata from eventos x
      where x.imobiliaria_id = i.imobiliaria_id and x.tipo = 'portal_silencioso'
        and (x.metadata ->> 'integracaoId') = i.id
      order by x.data_deteccao desc nulls last, x.id desc limit 1
    ) ev on true
    where i.ativo`;
}

// Times come back as epoch milliseconds (or ISO text from jsonb): the same with every driver.
const dateOrNull = (v: unknown): Date | null =>
  v === null || v === undefined
    ? null
    : typeof v === "string" && !/^\d+(\.\d+)?$/.test(v)
      ? new Date(v)
      : new Date(Number(v));

export async function listRitmoIntegracoes(db: Db): Promise<RitmoIntegracao[]> {
  const rows = await executeRows<Record<string, unknown>>(db, ritmoIntegracoesQuery());
  return rows.map((r) => ({
    integracaoId: String(r.integracaoId),
    imobiliariaId: String(r.imobiliariaId),
    portal: r.portal as Portal,
    ultimaEntregaEm: dateOrNull(r.ultimaEntregaMs),
    incidente: r.eventoId
      ? {
          eventoId: String(r.eventoId),
          ultimaEntregaEm: dateOrNull(r.incidenteUltima)!,
          resolvidoEm: dateOrNull(r.incidenteResolvido),
        }
      : null,
  }));
}

/** The portal's real deliveries in [desde, ate], oldest first (at most a few thousand: 14 days of one portal). */
export async function listEntregasReais(
  db: Db,
  input: { imobiliariaId: string; portal: Portal; desde: Date; ate: Date },
): Promise<Date[]> {
  const rows = await executeRows<{ ms: unknown }>(
    db,
    sql`select (extract(epoch from e.recebido_em) * 1000)::float8 as ms from entregas_webhook e
      where e.imobiliaria_id = ${idSchema.parse(input.imobiliariaId)} and e.portal = ${input.portal}
        and e.recebido_em >= ${input.desde.toISOString()}::timestamptz
        and e.recebido_em <= ${input.ate.toISOString()}::timestamptz
        and ${entregaReal("e")}
      order by e.recebido_em`,
  );
  return rows.map((r) => dateOrNull(r.ms)!);
}

/** The incident's evento id: the same for every runner that finds the same silence. */
export function incidenteEventoId(integracaoId: string, ultimaEntregaEm: Date): string {
  const hash = createHash("sha256").update(`portal_silencioso:${integracaoId}:${ultimaEntregaEm.getTime()}`);
  return `evt_ps_${hash.digest("hex").slice(0, 32)}`;
}

const novoIncidenteSchema = z.object({
  imobiliariaId: idSchema,
  integracaoId: idSchema,
  portal: z.string().min(1).max(30),
  ultimaEntregaEm: z.date(),
  detectadoEm: z.date(),
  titulo: z.string().min(1).max(500),
  descricao: z.string().max(2_000),
  acaoRecomendada: z.string().max(2_000),
  limiteHoras: z.number().nonnegative(),
  maiorIntervaloHoras: z.number().nonnegative(),
});

/**
 * The incident's evento, decided already (the Vigilante tells the admins itself; the Orquestrador has
 * nothing to choose). Null when another runner wrote it first.
 */
export async function insertIncidentePortal(
  db: Db,
  input: z.input<typeof novoIncidenteSchema>,
): Promise<string | null> {
  const d = novoIncidenteSchema.parse(input);
  const id = incidenteEventoId(d.integracaoId, d.ultimaEntregaEm);
  const rows = await db
    .insert(eventos)
    .values({
      id,
      imobiliariaId: d.imobiliariaId,
      tipo: "portal_silencioso",
      urgencia: "alta",
      corretorId: null,
      leadId: null,
      titulo: d.titulo,
      descricao: d.descricao,
      acaoRecomendada: d.acaoRecomendada,
      dataDeteccao: d.detectadoEm,
      processado: true,
      metadata: {
        integracaoId: d.integracaoId,
        portal: d.portal,
        ultimaEntregaEm: d.ultimaEntregaEm.toISOString(),
        limiteHoras: d.limiteHoras,
        maiorIntervaloHoras: d.maiorIntervaloHoras,
        resolvidoEm: null,
      },
    })
    .onConflictDoNothing({ target: eventos.id })
    .returning({ id: eventos.id });
  return rows[0]?.id ?? null;
}

/** Marks the incident resolved by the delivery at `retomadaEm`; false when it already was (another runner). */
export async function resolveIncidentePortal(
  db: Db,
  input: { eventoId: string; resolvidoEm: Date; retomadaEm: Date },
): Promise<boolean> {
  const patch = JSON.stringify({
    resolvidoEm: input.resolvidoEm.toISOString(),
    retomadaEm: input.retomadaEm.toISOString(),
  });
  const rows = await db
    .update(eventos)
    .set({ metadata: sql`coalesce(${eventos.metadata}, '{}'::jsonb) || ${patch}::jsonb` })
    .where(
      and(
        eq(eventos.id, z.string().min(1).max(50).parse(input.eventoId)),
        sql`(${eventos.metadata} ->> 'resolvidoEm') is null`,
      ),
    )
    .returning({ id: eventos.id });
  return rows.length > 0;
}

/** The agency's open incidents by portal, for /configuracoes/integracoes. */
export async function listIncidentesAbertos(db: Db, imobiliariaId: string): Promise<Map<string, Date>> {
  const rows = await executeRows<{ portal: string; ultima: string }>(
    db,
    sql`select x.metadata ->> 'portal' as portal, x.metadata ->> 'ultimaEntregaEm' as ultima from eventos x
      where x.imobiliaria_id = ${idSchema.parse(imobiliariaId)} and x.tipo = 'portal_silencioso'
        and (x.metadata ->> 'resolvidoEm') is null`,
  );
  return new Map(rows.map((r) => [r.portal, new Date(r.ultima)]));
}
