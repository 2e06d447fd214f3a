// The agencies table: every other row belongs to one of them.
import { eq } from "drizzle-orm";
import { z } from "zod";
import { configuracoesImobiliariaSchema, parseConfiguracoes } from "@/lib/domain/configuracoes-imobiliaria";
import { newId } from "@/lib/ids";
import { isTimeZone } from "@/lib/time/time-zones";
import type { Db } from "../client";
import { memoPerDb } from "../memo";
import { imobiliarias } from "../schema";
import { idSchema, nomeSchema, ufSchema } from "./columns";

export type Imobiliaria = typeof imobiliarias.$inferSelect;

const slugSchema = z
  .string()
  .max(80, "slug com mais de 80 caracteres")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "slug: use letras minúsculas, números e hífens, ex.: imob-centro");

const novaImobiliariaSchema = z.object({
  id: idSchema.optional(),
  slug: slugSchema,
  nome: nomeSchema,
  cidade: z.string().trim().min(1).max(120).nullish(),
  uf: ufSchema.nullish(),
  timezone: z.string().refine(isTimeZone, "fuso horário IANA desconhecido, ex.: America/Sao_Paulo").optional(),
  configuracoes: z.unknown().optional(),
});

export type NovaImobiliaria = Omit<z.input<typeof novaImobiliariaSchema>, "configuracoes"> & {
  /** Missing fields take the defaults of `configuracoesImobiliariaSchema`. */
  configuracoes?: z.input<typeof configuracoesImobiliariaSchema>;
};

// Re-parsing on read fills settings added after the row was written with their defaults.
function toImobiliaria(row: Imobiliaria): Imobiliaria {
  return { ...row, configuracoes: parseConfiguracoes(row.configuracoes) };
}

export async function getImobiliariaById(db: Db, id: string): Promise<Imobiliaria | null> {
  const [row] = await db
    .select()
    .from(imobiliarias)
    .where(eq(imobiliarias.id, idSchema.parse(id)));
  return row ? toImobiliaria(row) : null;
}

export async function getImobiliariaBySlug(db: Db, slug: string): Promise<Imobiliaria | null> {
  const parsed = slugSchema.safeParse(slug);
  if (!parsed.success) return null; // a malformed slug in a URL is simply not an agency
  const [row] = await db.select().from(imobiliarias).where(eq(imobiliarias.slug, parsed.data));
  return row ? toImobiliaria(row) : null;
}

// Every webhook and every pipeline event reads its agency; settings change rarely. Writers below
// clear it; another process sees a change within 30 s.
const recent = memoPerDb<Imobiliaria | null>(30_000);

// Under `npm start` the direct lane and the embedded runner load this module apart from the pages'
// server actions, each copy with its own memo (see integracoes.ts): a process-wide generation in the
// keys makes a settings change saved by an action reach every copy's next read.
const GENERATION = Symbol.for("lastro.imobiliarias.generation");
const shared = globalThis as { [GENERATION]?: number };
const generation = () => shared[GENERATION] ?? 0;

export const getImobiliariaBySlugCached = (db: Db, slug: string) =>
  recent.get(db, `${generation()}:slug:${slug}`, () => getImobiliariaBySlug(db, slug));

export const getImobiliariaByIdCached = (db: Db, id: string) =>
  recent.get(db, `${generation()}:id:${id}`, () => getImobiliariaById(db, id));

/** Every agency (daily jobs that go through them all; a few hundred rows at most). */
export async function listImobiliarias(db: Db): Promise<Imobiliaria[]> {
  const rows = await db.select().from(imobiliarias).orderBy(imobiliarias.id);
  return rows.map(toImobiliaria);
}

/** Inserts an agency; a taken slug raises a unique violation (`imobiliarias_slug_unique`). */
export async function insertImobiliaria(db: Db, input: NovaImobiliaria): Promise<Imobiliaria> {
  const data = novaImobiliariaSchema.parse(input);
  const [row] = await db
    .insert(imobiliarias)
    .values({
      id: data.id ?? newId("imob"),
      slug: data.slug,
      nome: data.nome,
      cidade: data.cidade ?? null,
      uf: data.uf ?? null,
      timezone: data.timezone,
      configuracoes: parseConfiguracoes(data.configuracoes),
    })
    .returning();
  recent.clear(db);
  return toImobiliaria(row!);
}

/**
 * Sets one broker's roleta weight in the agency's settings, under a row lock (two managers saving
 * at once must not lose each other's weight). Returns the previous weight (1 when never set).
 * Call inside the caller's transaction, then `forgetImobiliariasRecentes` once it has committed.
 */
export async function setPesoRoleta(db: Db, imobiliariaId: string, corretorId: string, peso: number): Promise<number> {
  const where = eq(imobiliarias.id, idSchema.parse(imobiliariaId));
  const [row] = await db.select().from(imobiliarias).where(where).for("update");
  if (!row) throw new Error(`imobiliária ${imobiliariaId} não encontrada`);
  const configuracoes = parseConfiguracoes(row.configuracoes);
  const antes = configuracoes.pesosRoleta[idSchema.parse(corretorId)] ?? 1;
  if (antes === peso) return antes;
  const pesosRoleta = { ...configuracoes.pesosRoleta, [corretorId]: peso };
  await db
    .update(imobiliarias)
    .set({ configuracoes: configuracoesImobiliariaSchema.parse({ ...configuracoes, pesosRoleta }) })
    .where(where);
  return antes;
}

/** Drops this process's remembered agencies, so a committed settings change is read at once here. */
export function forgetImobiliariasRecentes(db: Db): void {
  shared[GENERATION] = generation() + 1;
  recent.clear(db);
}

/** The agency's row, locked until the caller's transaction ends; null when it does not exist. */
export async function lockImobiliariaForUpdate(db: Db, id: string): Promise<Imobiliaria | null> {
  const [row] = await db
    .select()
    .from(imobiliarias)
    .where(eq(imobiliarias.id, idSchema.parse(id)))
    .for("update");
  return row ? toImobiliaria(row) : null;
}

const ajustesImobiliariaSchema = z.object({
  nome: nomeSchema,
  timezone: z.string().refine(isTimeZone, "fuso horário IANA desconhecido, ex.: America/Sao_Paulo"),
  configuracoes: configuracoesImobiliariaSchema,
});

/**
 * Writes the agency's name, time zone and settings (validated again here: a caller's slip must not
 * store settings the pipeline cannot read). Call inside the transaction that locked the row, then
 * `forgetImobiliariasRecentes` once it has committed.
 */
export async function setImobiliariaAjustes(
  db: Db,
  id: string,
  ajustes: z.input<typeof ajustesImobiliariaSchema>,
): Promise<Imobiliaria> {
  const data = ajustesImobiliariaSchema.parse(ajustes);
  const [row] = await db
    .update(imobiliarias)
    .set(data)
    .where(eq(imobiliarias.id, idSchema.parse(id)))
    .returning();
  if (!row) throw new Error(`imobiliária ${id} não encontrada`);
  return toImobiliaria(row);
}
