// What an intake reads before writing, in ONE statement: the person's earlier lead, the listing,
// and the agency's brokers with their open-lead counts. Each part is its owner module's own query
// (leads.ts, imoveis.ts, corretores.ts), sent as a subquery that comes back as JSON; the JSON is
// decoded by the same column mappers drizzle uses, so the rows are the ones those modules return.
import { sql, type SQL } from "drizzle-orm";
import { CompiledStatement, type BoundStatement } from "../wire/compiled-statement";
import { decodeRow } from "../decode-row";
import { corretores, imoveis, leads } from "../schema";
import { corretoresComCargaQuery, toCorretor, type CorretorComCarga } from "./corretores";
import { imovelForLeadQuery, listingArgs, type Imovel, type ListingRef } from "./imoveis";
import { contactArgs, recentLeadByContactQuery, type ContactSince, type Lead } from "./leads";

export type IntakeContext = { earlier: Lead | null; imovel: Imovel | null; corretores: CorretorComCarga[] };

type JsonRow = Record<string, unknown>;

const oneAsJson = (query: { getSQL(): SQL } | null) =>
  query ? sql`(select row_to_json(q) from (${query.getSQL()}) as q)` : sql`null::json`;

type IntakeValues = {
  imobiliariaId: string;
  telefone?: string;
  email?: string;
  since: Date;
  codigo?: string;
  portalListingId?: string;
};
type IntakeRow = { earlier: JsonRow | null; imovel: JsonRow | null; corretores: { c: JsonRow; abertos: number }[] };

// The statement's shape depends only on which references the delivery has: at most 16, each compiled once.
const statements = new Map<string, CompiledStatement<IntakeValues>>();
function statementFor(has: { telefone: boolean; email: boolean; codigo: boolean; portalListingId: boolean }) {
  const key = `intake_context.${Number(has.telefone)}${Number(has.email)}${Number(has.codigo)}${Number(has.portalListingId)}`;
  let statement = statements.get(key);
  if (!statement) {
    statement = new CompiledStatement<IntakeValues>(key, (db, p) => {
      const agency = p("imobiliariaId");
      const person = {
        imobiliariaId: agency,
        telefone: has.telefone ? p("telefone") : null,
        email: has.email ? p("email") : null,
        since: p("since"),
      };
      const listing = {
        imobiliariaId: agency,
        codigo: has.codigo ? p("codigo") : null,
        portalListingId: has.portalListingId ? p("portalListingId") : null,
      };
      return sql`select ${oneAsJson(recentLeadByContactQuery(db, person))} as earlier,
        ${oneAsJson(imovelForLeadQuery(db, listing))} as imovel,
        (select coalesce(json_agg(json_build_object('c', row_to_json(q), 'abertos', q.leads_abertos) order by q.nome, q.id), '[]'::json)
          from (${corretoresComCargaQuery(db, agency).getSQL()}) as q) as corretores`;
    });
    statements.set(key, statement);
  }
  return statement;
}

/** The intake's reads as one statement, not yet run (decodeIntakeContext reads its rows): units/record-intake.ts sends it with BEGIN. */
export function planIntakeContext(imobiliariaId: string, person: ContactSince, listing: ListingRef): BoundStatement {
  const contact = contactArgs(imobiliariaId, person);
  const ref = listingArgs(imobiliariaId, listing);
  const values: IntakeValues = { imobiliariaId: contact.imobiliariaId, since: contact.since };
  if (contact.telefone) values.telefone = contact.telefone;
  if (contact.email) values.email = contact.email;
  if (ref.codigo) values.codigo = ref.codigo;
  if (ref.portalListingId) values.portalListingId = ref.portalListingId;
  const statement = statementFor({
    telefone: !!values.telefone,
    email: !!values.email,
    codigo: !!values.codigo,
    portalListingId: !!values.portalListingId,
  });
  return statement.bind(values);
}

export function decodeIntakeContext(rows: Record<string, unknown>[]): IntakeContext {
  const row = rows[0] as IntakeRow | undefined;
  return {
    earlier: row?.earlier ? decodeRow(leads, row.earlier) : null,
    imovel: row?.imovel ? decodeRow(imoveis, row.imovel) : null,
    corretores: (row?.corretores ?? []).map(({ c, abertos }) => ({
      ...toCorretor(decodeRow(corretores, c)),
      leadsAbertos: abertos ?? 0,
    })),
  };
}
