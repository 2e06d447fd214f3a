// The brokers table. `preferencias` always leaves here complete (defaults filled in) and typed.
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import {
  parsePreferencias,
  preferenciasSchema,
  type Preferencias,
  type PreferenciasInput,
} from "@/lib/domain/preferencias";
import { newId } from "@/lib/ids";
import type { Db } from "../client";
import { asParam, type Arg } from "../wire/compiled-statement";
import { corretores, corretoresCarga, usuarios } from "../schema";
import { emailSchema, idSchema, nomeSchema, telefoneSchema } from "./columns";

type CorretorRow = typeof corretores.$inferSelect;
export type Corretor = Omit<CorretorRow, "preferencias"> & { preferencias: Preferencias };

export const novoCorretorSchema = z.object({
  id: idSchema.optional(),
  imobiliariaId: idSchema,
  nome: nomeSchema,
  telefone: telefoneSchema,
  email: emailSchema.nullish(),
  /** The seed's free-text agency name, kept for its reports. */
  imobiliaria: z.string().trim().max(200).nullish(),
  ativo: z.boolean().optional(),
  preferencias: z.unknown().optional(),
  atuacao: z
    .object({
      bairros: z.array(z.string().trim().min(1)).optional(),
      tipos: z.array(z.string().trim().min(1)).optional(),
      finalidades: z.array(z.string().trim().min(1)).optional(),
    })
    .strict()
    .nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
});

export type NovoCorretor = Omit<z.input<typeof novoCorretorSchema>, "preferencias"> & {
  /** Missing fields take the seed's defaults (5 messages a day, 08:00–20:00…). */
  preferencias?: PreferenciasInput;
};

// Only known keys, each validated when merged. Not `preferenciasSchema.partial()`: in zod 4 that
// still applies every default, so a one-field patch would reset all the others.
const preferenciasKeys = Object.keys(preferenciasSchema.shape) as [keyof Preferencias, ...(keyof Preferencias)[]];
const patchSchema = z.partialRecord(z.enum(preferenciasKeys), z.unknown());

export function toCorretor(row: CorretorRow): Corretor {
  return { ...row, preferencias: parsePreferencias(row.preferencias) };
}

/** A new broker (the dashboard's "Adicionar corretor", tests); preferences complete with the defaults. */
export async function insertCorretor(db: Db, input: NovoCorretor): Promise<Corretor> {
  const data = novoCorretorSchema.parse(input);
  const [row] = await db
    .insert(corretores)
    .values({
      ...data,
      id: data.id ?? newId("cor"),
      preferencias: parsePreferencias(data.preferencias),
    })
    .returning();
  return toCorretor(row!);
}

const scoped = (imobiliariaId: string, id: string) =>
  and(eq(corretores.imobiliariaId, idSchema.parse(imobiliariaId)), eq(corretores.id, idSchema.parse(id)));

export async function getCorretorById(db: Db, imobiliariaId: string, id: string): Promise<Corretor | null> {
  const [row] = await db.select().from(corretores).where(scoped(imobiliariaId, id));
  return row ? toCorretor(row) : null;
}

/** All of an agency's brokers, active or not, by name. */
export async function listCorretores(db: Db, imobiliariaId: string): Promise<Corretor[]> {
  const rows = await db
    .select()
    .from(corretores)
    .where(eq(corretores.imobiliariaId, idSchema.parse(imobiliariaId)))
    .orderBy(asc(corretores.nome), asc(corretores.id));
  return rows.map(toCorretor);
}

export type CorretorComCarga = Corretor & { leadsAbertos: number };

// A broker's count is spread over up to CARGA_PARTES rows (see the schema): their sum.
const abertosDoCorretor =
  sql<number>`(select coalesce(sum(${corretoresCarga.abertos}), 0)::int from ${corretoresCarga} where ${corretoresCarga.corretorId} = ${corretores.id})`.as(
    "leads_abertos",
  );

/** The query behind listCorretoresComCarga, unrun, for intake-context.ts; callers validate the id. */
export function corretoresComCargaQuery(db: Db, imobiliariaId: Arg<string>) {
  return db
    .select({ corretor: corretores, abertos: abertosDoCorretor })
    .from(corretores)
    .where(eq(corretores.imobiliariaId, asParam(corretores.imobiliariaId, imobiliariaId)))
    .orderBy(asc(corretores.nome), asc(corretores.id));
}

/**
 * The agency's brokers with how many open leads each has, in one round trip: routing reads both
 * for every new lead. The counts are kept by a trigger on leads (corretores_carga).
 */
export async function listCorretoresComCarga(db: Db, imobiliariaId: string): Promise<CorretorComCarga[]> {
  const rows = await corretoresComCargaQuery(db, idSchema.parse(imobiliariaId));
  return rows.map((r) => ({ ...toCorretor(r.corretor), leadsAbertos: r.abertos ?? 0 }));
}

/**
 * Merges `patch` into the broker's preferences and stores the validated result; a key left out keeps
 * its value, `pausadoAte: null` clears the pause. Returns null when the broker is not in this agency.
 */
export async function updatePreferencias(
  db: Db,
  imobiliariaId: string,
  id: string,
  patch: Partial<PreferenciasInput>,
): Promise<Corretor | null> {
  const where = scoped(imobiliariaId, id);
  const changes = Object.fromEntries(Object.entries(patchSchema.parse(patch)).filter(([, v]) => v !== undefined));
  return db.transaction(async (tx) => {
    // Row lock: two patches at once (dashboard + WhatsApp command) must not lose each other's change.
    const [current] = await tx.select().from(corretores).where(where).for("update");
    if (!current) return null;
    const preferencias = parsePreferencias({ ...parsePreferencias(current.preferencias), ...changes });
    const [row] = await tx.update(corretores).set({ preferencias }).where(where).returning();
    return toCorretor(row!);
  });
}

/** The broker row locked until the transaction ends, for a read-check-write of its settings. */
export async function lockCorretorForUpdate(db: Db, imobiliariaId: string, id: string): Promise<Corretor | null> {
  const [row] = await db.select().from(corretores).where(scoped(imobiliariaId, id)).for("update");
  return row ? toCorretor(row) : null;
}

/** Stores complete, validated preferences and the active flag (from the dashboard's settings form). */
export async function setCorretorAjustes(
  db: Db,
  imobiliariaId: string,
  id: string,
  ajustes: { preferencias: PreferenciasInput; ativo: boolean },
): Promise<Corretor | null> {
  const [row] = await db
    .update(corretores)
    .set({ preferencias: preferenciasSchema.parse(ajustes.preferencias), ativo: ajustes.ativo })
    .where(scoped(imobiliariaId, id))
    .returning();
  return row ? toCorretor(row) : null;
}

/** The agency's broker with this WhatsApp number (E.164), if any: two would get each other's alerts. */
export async function findCorretorByTelefone(
  db: Db,
  imobiliariaId: string,
  telefone: string,
): Promise<Corretor | null> {
  const [row] = await db
    .select()
    .from(corretores)
    .where(
      and(
        eq(corretores.imobiliariaId, idSchema.parse(imobiliariaId)),
        eq(corretores.telefone, telefoneSchema.parse(telefone)),
      ),
    )
    .limit(1);
  return row ? toCorretor(row) : null;
}

/** The agency's brokers that no login is tied to yet: the choices for a new broker login. */
export async function listCorretoresSemLogin(db: Db, imobiliariaId: string): Promise<{ id: string; nome: string }[]> {
  return db
    .select({ id: corretores.id, nome: corretores.nome })
    .from(corretores)
    .leftJoin(usuarios, eq(usuarios.corretorId, corretores.id))
    .where(and(eq(corretores.imobiliariaId, idSchema.parse(imobiliariaId)), isNull(usuarios.id)))
    .orderBy(asc(corretores.nome), asc(corretores.id));
}
