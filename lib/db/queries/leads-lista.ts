// The dashboard's lead list (/leads and its CSV export): newest received first, filtered, a page at a
// time by keyset on (receipt time, id) — never OFFSET, so page 2 000 costs what page 1 does and a lead
// arriving meanwhile neither repeats nor hides a row. Apart from leads.ts because the intake never needs it.
import { and, eq, gte, inArray, lt, lte, sql, type SQL } from "drizzle-orm";
import { foldText } from "@/lib/text/fold-text";
import type { Db } from "../client";
import { corretores, interacoes, leads, nomeDobrado, type InteracaoTipo, type LeadStatus } from "../schema";
import { idSchema } from "./columns";

export type LeadListado = {
  id: string;
  nome: string;
  telefone: string;
  email: string | null;
  origem: string | null;
  score: number;
  status: LeadStatus | null;
  /** When Lastro received the lead (the intake sets it to receipt time, not the portal's clock). */
  dataPrimeiroContato: Date | null;
  corretorId: string | null;
  corretorNome: string | null;
};

/** What narrows the list; every field optional. Scope (agency, broker) comes apart, from the session. */
export type LeadsBusca = {
  status?: LeadStatus;
  origem?: string;
  scoreMin?: number;
  scoreMax?: number;
  /** Received at or after. */
  recebidoDesde?: Date;
  /** Received before (exclusive). */
  recebidoAntes?: Date;
  /** Still `novo` and no broker action recorded (see SEM_CONTATO_ACOES). */
  semContato?: boolean;
  /** Name or e-mail (substring, case- and accent-insensitive), or any of these exact phones. */
  texto?: string;
  telefones?: string[];
};

/** A page boundary: the receipt time as Postgres prints it (microseconds kept) and the id. */
export type LeadsCursor = { recebido: string | null; id: string };
export type LeadsPagina = { leads: LeadListado[]; anteriores: LeadsCursor | null; proximos: LeadsCursor | null };
export type PaginaPedida = { limit: number; apos?: LeadsCursor; antes?: LeadsCursor };

/** What a broker (or manager) did to a lead: any of these means it is no longer "sem contato". */
export const SEM_CONTATO_ACOES = [
  "contato_corretor",
  "nota",
  "visita",
  "mudanca_status",
  "toque_link",
] as const satisfies readonly InteracaoTipo[];

type Scope = { imobiliariaId: string; corretorId: string | null };

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function filterConditions(scope: Scope, busca: LeadsBusca): SQL[] {
  const c: SQL[] = [eq(leads.imobiliariaId, idSchema.parse(scope.imobiliariaId))];
  if (scope.corretorId) c.push(eq(leads.corretorId, idSchema.parse(scope.corretorId)));
  if (busca.semContato) {
    c.push(eq(leads.status, "novo"));
    c.push(sql`not exists (select 1 from ${interacoes} where ${interacoes.leadId} = ${leads.id}
      and ${inArray(interacoes.tipo, [...SEM_CONTATO_ACOES])})`);
  } else if (busca.status) c.push(eq(leads.status, busca.status));
  if (busca.origem) c.push(eq(leads.origem, busca.origem));
  if (busca.scoreMin !== undefined) c.push(gte(sql`coalesce(${leads.score}, 0)`, busca.scoreMin));
  if (busca.scoreMax !== undefined) c.push(lte(sql`coalesce(${leads.score}, 0)`, busca.scoreMax));
  if (busca.recebidoDesde) c.push(gte(leads.dataPrimeiroContato, busca.recebidoDesde));
  if (busca.recebidoAntes) c.push(lt(leads.dataPrimeiroContato, busca.recebidoAntes));
  if (busca.telefones?.length) c.push(inArray(leads.telefone, busca.telefones));
  else if (busca.texto) {
    const pattern = `%${likeEscape(foldText(busca.texto))}%`;
    c.push(sql`(${nomeDobrado(leads.nome)} like ${pattern} or ${leads.email} like ${pattern})`);
  }
  return c;
}

// Rows past the cursor in list order (receipt time desc, nulls last; then id desc), "older", or before
// it, "newer", as parts read in turn: each part alone is one index range (a row comparison is an index
// condition, an OR with "is null" is not — it made a deep page walk every newer lead). A lead without a
// receipt time does not occur today (the intake and the seed always set it); the null parts keep such
// a row listed, last, instead of lost.
function keysetParts(cursor: LeadsCursor, direction: "older" | "newer"): SQL[] {
  const id = idSchema.parse(cursor.id);
  const dpc = leads.dataPrimeiroContato;
  if (direction === "older") {
    return cursor.recebido === null
      ? [sql`(${dpc} is null and ${leads.id} < ${id})`]
      : [sql`(${dpc}, ${leads.id}) < (${cursor.recebido}::timestamp, ${id})`, sql`${dpc} is null`];
  }
  return cursor.recebido === null
    ? [sql`(${dpc} is null and ${leads.id} > ${id})`, sql`${dpc} is not null`]
    : [sql`(${dpc}, ${leads.id}) > (${cursor.recebido}::timestamp, ${id})`];
}

function selectPage(db: Db, where: SQL[], limit: number, newestFirst: boolean) {
  // The exact column order and null placement of the idx_leads_imobiliaria_*_recebido indexes.
  const order = newestFirst
    ? [sql`${leads.dataPrimeiroContato} desc nulls last`, sql`${leads.id} desc nulls last`]
    : [sql`${leads.dataPrimeiroContato} asc nulls first`, sql`${leads.id} asc nulls first`];
  return db
    .select({
      id: leads.id,
      nome: leads.nome,
      telefone: leads.telefone,
      email: leads.email,
      origem: leads.origem,
      score: leads.score,
      status: leads.status,
      dataPrimeiroContato: leads.dataPrimeiroContato,
      corretorId: leads.corretorId,
      corretorNome: corretores.nome,
      recebido: sql<string | null>`to_char(${leads.dataPrimeiroContato}, 'YYYY-MM-DD"T"HH24:MI:SS.US')`,
    })
    .from(leads)
    .leftJoin(corretores, eq(corretores.id, leads.corretorId))
    .where(and(...where))
    .orderBy(...order)
    .limit(limit);
}

type Row = Awaited<ReturnType<typeof selectPage>>[number];
const cursorOf = (r: Row): LeadsCursor => ({ recebido: r.recebido, id: r.id });
const toLead = ({ recebido: _, ...r }: Row): LeadListado => ({ ...r, score: r.score ?? 0 });

/** Up to `limit` rows from each part in turn, until `limit` in all. */
async function selectParts(db: Db, base: SQL[], parts: SQL[], limit: number, newestFirst: boolean): Promise<Row[]> {
  const rows: Row[] = [];
  for (const part of parts) {
    if (rows.length >= limit) break;
    rows.push(...(await selectPage(db, [...base, part], limit - rows.length, newestFirst)));
  }
  return rows;
}

/** A newest-first page's statement, unrun (after `apos` when given): for EXPLAIN in tests and docs. */
export function pageQuery(db: Db, scope: Scope, busca: LeadsBusca, limit: number, apos?: LeadsCursor) {
  const where = filterConditions(scope, busca);
  return selectPage(db, apos ? [...where, keysetParts(apos, "older")[0]!] : where, limit + 1, true);
}

/**
 * One page of the list within `scope` (`corretorId` set = only that broker's leads). `apos` = the page
 * of older leads after that boundary; `antes` = the newer page before it; neither = the newest page.
 */
export async function listLeads(db: Db, scope: Scope, busca: LeadsBusca, pagina: PaginaPedida): Promise<LeadsPagina> {
  const limit = Math.min(Math.max(Math.trunc(pagina.limit), 1), 1000);
  const base = filterConditions(scope, busca);

  if (pagina.antes) {
    const rows = await selectParts(db, base, keysetParts(pagina.antes, "newer"), limit + 1, false);
    // Fewer than a page before the boundary: that is the newest page, shown whole from the top.
    if (rows.length > limit) {
      const page = rows.slice(0, limit).reverse();
      return { leads: page.map(toLead), anteriores: cursorOf(page[0]!), proximos: cursorOf(page[page.length - 1]!) };
    }
    return listLeads(db, scope, busca, { limit });
  }

  const rows = pagina.apos
    ? await selectParts(db, base, keysetParts(pagina.apos, "older"), limit + 1, true)
    : await selectPage(db, base, limit + 1, true);
  const page = rows.slice(0, limit);
  return {
    leads: page.map(toLead),
    anteriores: pagina.apos && page.length > 0 ? cursorOf(page[0]!) : null,
    proximos: rows.length > limit ? cursorOf(page[page.length - 1]!) : null,
  };
}

/**
 * How many leads each of `buscas` finds within `scope`, in one statement: the list's own conditions, so
 * a count shown on the overview and the list its card opens always agree.
 */
export async function countLeads<K extends string>(
  db: Db,
  scope: Scope,
  buscas: Record<K, LeadsBusca>,
): Promise<Record<K, number>> {
  const keys = Object.keys(buscas) as K[];
  const columns = Object.fromEntries(
    keys.map((k, i) => [
      `c${i}`,
      sql<number>`(count(*) filter (where ${and(...filterConditions(scope, buscas[k]))}))::int`,
    ]),
  );
  const [row] = await db
    .select(columns)
    .from(leads)
    .where(and(...filterConditions(scope, {})));
  return Object.fromEntries(keys.map((k, i) => [k, Number(row?.[`c${i}`] ?? 0)])) as Record<K, number>;
}

/**
 * How many leads one busca finds, its conditions in the WHERE clause: a narrow filter ("sem contato":
 * status novo, then one probe per lead) reads only its own index range instead of every lead's row.
 */
export async function countLeadsFiltered(db: Db, scope: Scope, busca: LeadsBusca): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(leads)
    .where(and(...filterConditions(scope, busca)));
  return Number(row?.n ?? 0);
}

/** Every lead that fits, in list order, a batch at a time (the CSV export): memory stays one batch. */
export async function* iterateLeads(
  db: Db,
  scope: Scope,
  busca: LeadsBusca,
  batch = 1000,
): AsyncGenerator<LeadListado> {
  let apos: LeadsCursor | undefined;
  for (;;) {
    const page = await listLeads(db, scope, busca, { limit: batch, apos });
    yield* page.leads;
    if (!page.proximos) return;
    apos = page.proximos;
  }
}
