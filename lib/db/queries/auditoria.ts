// The audit trail: who changed what, before → after. Rows hold ids, codes and statuses only, never
// a name, phone, e-mail or message body, so the trail can be kept longer than the personal data.
import { and, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../client";
import { auditoria, usuarios } from "../schema";
import { idSchema } from "./columns";

export type Auditoria = typeof auditoria.$inferSelect;

// Only scalars: a nested object is where a body or a phone would slip in unnoticed.
const detalheSchema = z.union([z.string().max(200), z.number(), z.boolean(), z.null()]);

const novaAuditoriaSchema = z.object({
  imobiliariaId: idSchema,
  usuarioId: idSchema,
  acao: z.string().min(1).max(80),
  alvoTipo: z.string().min(1).max(40),
  alvoId: idSchema,
  detalhes: z.record(z.string(), detalheSchema).default({}),
  criadoEm: z.date().optional(),
});
export type NovaAuditoria = z.input<typeof novaAuditoriaSchema>;

export async function insertAuditoria(db: Db, input: NovaAuditoria): Promise<Auditoria> {
  const [row] = await db.insert(auditoria).values(novaAuditoriaSchema.parse(input)).returning();
  return row!;
}

const auditoriaDoSistemaSchema = novaAuditoriaSchema.omit({ usuarioId: true, alvoId: true }).extend({
  alvoId: idSchema.nullable().default(null),
});

/** What Lastro did by itself (a scheduled job): no login behind it, shown as "Sistema". */
export async function insertAuditoriaDoSistema(
  db: Db,
  input: z.input<typeof auditoriaDoSistemaSchema>,
): Promise<Auditoria> {
  const [row] = await db
    .insert(auditoria)
    .values({ ...auditoriaDoSistemaSchema.parse(input), usuarioId: null })
    .returning();
  return row!;
}

/** Whether the agency's trail has `acao` since `desde` (a daily job's "already ran today"). */
export async function hasAuditoriaDesde(db: Db, imobiliariaId: string, acao: string, desde: Date): Promise<boolean> {
  const [row] = await db
    .select({ id: auditoria.id })
    .from(auditoria)
    .where(
      and(
        eq(auditoria.imobiliariaId, idSchema.parse(imobiliariaId)),
        eq(auditoria.acao, acao),
        gte(auditoria.criadoEm, desde),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** What was done to one row of the agency, newest first. */
export async function listAuditoriaDoAlvo(
  db: Db,
  imobiliariaId: string,
  alvo: { tipo: string; id: string },
  limit = 50,
): Promise<Auditoria[]> {
  return db
    .select()
    .from(auditoria)
    .where(
      and(
        eq(auditoria.imobiliariaId, idSchema.parse(imobiliariaId)),
        eq(auditoria.alvoTipo, alvo.tipo),
        eq(auditoria.alvoId, idSchema.parse(alvo.id)),
      ),
    )
    .orderBy(desc(auditoria.criadoEm), desc(auditoria.id))
    .limit(limit);
}

/** The filters of /configuracoes/auditoria; `antes` is exclusive. */
export type AuditoriaBusca = { acao?: string; usuarioId?: string; desde?: Date; antes?: Date };
/** The page boundary: the last row shown, its time as Postgres prints it in UTC. */
export type AuditoriaCursor = { criado: string; id: number };
export type AuditoriaListada = Auditoria & { usuarioNome: string | null };
export type AuditoriaPagina = { itens: AuditoriaListada[]; proximos: AuditoriaCursor | null };

/** The agency's audit trail, newest first, a page at a time (keyset on time and id). */
export async function listAuditoria(
  db: Db,
  imobiliariaId: string,
  busca: AuditoriaBusca,
  pagina: { limit: number; apos?: AuditoriaCursor },
): Promise<AuditoriaPagina> {
  const where: SQL[] = [eq(auditoria.imobiliariaId, idSchema.parse(imobiliariaId))];
  if (busca.acao) where.push(eq(auditoria.acao, busca.acao));
  if (busca.usuarioId) where.push(eq(auditoria.usuarioId, idSchema.parse(busca.usuarioId)));
  if (busca.desde) where.push(gte(auditoria.criadoEm, busca.desde));
  if (busca.antes) where.push(lt(auditoria.criadoEm, busca.antes));
  if (pagina.apos) {
    where.push(
      sql`(${auditoria.criadoEm}, ${auditoria.id}) < ((${pagina.apos.criado}::timestamp at time zone 'UTC'), ${pagina.apos.id})`,
    );
  }
  const rows = await db
    .select({
      row: auditoria,
      usuarioNome: usuarios.nome,
      criado: sql<string>`to_char(${auditoria.criadoEm} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`,
    })
    .from(auditoria)
    .leftJoin(usuarios, eq(usuarios.id, auditoria.usuarioId))
    .where(and(...where))
    .orderBy(desc(auditoria.criadoEm), desc(auditoria.id))
    .limit(pagina.limit + 1);
  const page = rows.slice(0, pagina.limit);
  const last = page.at(-1);
  return {
    itens: page.map((r) => ({ ...r.row, usuarioNome: r.usuarioNome })),
    proximos: rows.length > pagina.limit && last ? { criado: last.criado, id: last.row.id } : null,
  };
}

/** The actions and the people that appear in the agency's trail, for the filters' choices. */
export async function listAuditoriaOpcoes(
  db: Db,
  imobiliariaId: string,
): Promise<{ acoes: string[]; usuarios: { id: string; nome: string }[] }> {
  const agency = eq(auditoria.imobiliariaId, idSchema.parse(imobiliariaId));
  const acoes = await db.selectDistinct({ acao: auditoria.acao }).from(auditoria).where(agency).orderBy(auditoria.acao);
  const pessoas = await db
    .selectDistinct({ id: usuarios.id, nome: usuarios.nome })
    .from(auditoria)
    .innerJoin(usuarios, eq(usuarios.id, auditoria.usuarioId))
    .where(agency)
    .orderBy(usuarios.nome, usuarios.id);
  return { acoes: acoes.map((a) => a.acao), usuarios: pessoas };
}
