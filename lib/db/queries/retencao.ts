// LGPD: the statements that take personal data out of the database, kept in one module because each
// crosses tables (leads, interacoes, eventos, mensagens, entregas_webhook). Rows stay, so every count
// on /metricas stays true; what identifies a person (name, phone, e-mail, their words, the texts that
// quote them) goes. Used by the retention job (lib/privacy/retention.ts).
import { and, eq, inArray, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { z } from "zod";
import { E164_PATTERN } from "@/lib/phone/e164";
import type { Db } from "../client";
import { entregasWebhook, eventos, interacoes, leads, limitesLogin, mensagens } from "../schema";
import { idSchema } from "./columns";
import { cancelEventosNaoDecididos } from "./eventos";
import { cancelMensagensNaoEnviadas } from "./mensagens-resposta";

export const NOME_REMOVIDO = "Pessoa removida (LGPD)";
export const TEXTO_REMOVIDO = "[conteúdo removido (LGPD)]";
const NOME_CITADO_REMOVIDO = "(nome removido)";

const batchSchema = z.number().int().min(1).max(5_000);
const idsSchema = z.array(idSchema).max(5_000);

/** Raw portal bodies received before `before` (the delivery log keeps result, status and ids). */
export async function clearDeliveryBodies(db: Db, imobiliariaId: string, before: Date, limit: number): Promise<number> {
  const rows = await db
    .update(entregasWebhook)
    .set({ corpo: null })
    .where(
      inArray(
        entregasWebhook.id,
        db
          .select({ id: entregasWebhook.id })
          .from(entregasWebhook)
          .where(
            and(
              eq(entregasWebhook.imobiliariaId, idSchema.parse(imobiliariaId)),
              lt(entregasWebhook.recebidoEm, before),
              isNotNull(entregasWebhook.corpo),
            ),
          )
          .limit(batchSchema.parse(limit)),
      ),
    )
    .returning({ id: entregasWebhook.id });
  return rows.length;
}

/** Login-limit counters past their expiry (hashed keys, but still a log of who tried when). */
export async function deleteExpiredLoginLimits(db: Db, now: Date): Promise<number> {
  const rows = await db
    .delete(limitesLogin)
    .where(lt(limitesLogin.expiraEm, now))
    .returning({ chave: limitesLogin.chave });
  return rows.length;
}

/** Leads of the agency whose last activity is before `before` and that still hold personal data. */
export async function listLeadsToAnonymize(
  db: Db,
  imobiliariaId: string,
  before: Date,
  limit: number,
): Promise<{ id: string; nome: string; desde: Date | null }[]> {
  return db
    .select({ id: leads.id, nome: leads.nome, desde: leads.dataPrimeiroContato })
    .from(leads)
    .where(
      and(
        eq(leads.imobiliariaId, idSchema.parse(imobiliariaId)),
        sql`coalesce(${leads.dataUltimaInteracao}, ${leads.dataPrimeiroContato}) < ${before.toISOString()}::timestamptz`,
        sql`(${leads.metadata} -> 'anonimizado') is null`,
      ),
    )
    .limit(batchSchema.parse(limit));
}

export type AnonymizeCounts = {
  leads: number;
  interacoes: number;
  eventos: number;
  mensagens: number;
  entregas: number;
};

/** Escapes a literal for a Postgres regular expression. */
function regexLiteral(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");
}

/**
 * Takes the personal data out of these leads and of every row about them, in one transaction:
 * the lead's name, phone, e-mail and drafts; its interações' texts and readings; its events' titles
 * and descriptions; its messages' bodies and template variables; its deliveries' raw bodies. The
 * name is also taken out of the agency's digests and summaries written since the lead arrived
 * (they quote several leads, so only the name goes). Status, score, dates, portal, broker, kinds and
 * counts stay for the metrics. Idempotent: an anonymized lead is marked and skipped.
 */
export async function anonymizeLeads(
  db: Db,
  imobiliariaId: string,
  alvo: { id: string; nome: string; desde: Date | null }[],
  marca: { em: Date; motivo: "retencao" | "pedido_titular" },
): Promise<AnonymizeCounts> {
  const ids = idsSchema.parse(alvo.map((l) => l.id));
  const counts: AnonymizeCounts = { leads: 0, interacoes: 0, eventos: 0, mensagens: 0, entregas: 0 };
  if (ids.length === 0) return counts;
  const agency = idSchema.parse(imobiliariaId);
  const anonimizado = { em: marca.em.toISOString(), motivo: marca.motivo };
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(leads)
      .set({
        nome: NOME_REMOVIDO,
        telefone: "",
        email: null,
        // Portal, routing, score explanation and the test flag stay (metrics read them); what quotes the
        // person (their original phone, the last inquiry's copy, the reply draft) goes.
        metadata: sql`(coalesce(${leads.metadata}, '{}'::jsonb) - 'telefoneOriginal' - 'ultimaConsulta' - 'rascunho' - 'textoOriginal') || ${JSON.stringify({ anonimizado })}::jsonb`,
      })
      .where(
        and(eq(leads.imobiliariaId, agency), inArray(leads.id, ids), sql`(${leads.metadata} -> 'anonimizado') is null`),
      )
      .returning({ id: leads.id });
    counts.leads = updated.length;
    const done = updated.map((r) => r.id);
    if (done.length === 0) return;

    counts.interacoes = (
      await tx
        .update(interacoes)
        .set({
          conteudo: TEXTO_REMOVIDO,
          analise: null,
          metadata: sql`coalesce(${interacoes.metadata}, '{}'::jsonb) - 'textoOriginal' - 'telefoneOriginal'`,
        })
        .where(inArray(interacoes.leadId, done))
        .returning({ id: interacoes.id })
    ).length;
    counts.eventos = (
      await tx
        .update(eventos)
        .set({ titulo: "Dados pessoais removidos (LGPD)", descricao: TEXTO_REMOVIDO, acaoRecomendada: "" })
        .where(and(eq(eventos.imobiliariaId, agency), inArray(eventos.leadId, done)))
        .returning({ id: eventos.id })
    ).length;
    counts.mensagens = (
      await tx
        .update(mensagens)
        .set({ corpo: TEXTO_REMOVIDO, templateVariaveis: null, redacao: null })
        .where(and(eq(mensagens.imobiliariaId, agency), inArray(mensagens.leadId, done)))
        .returning({ id: mensagens.id })
    ).length;
    counts.entregas = (
      await tx
        .update(entregasWebhook)
        .set({ corpo: null })
        .where(
          and(
            eq(entregasWebhook.imobiliariaId, agency),
            inArray(entregasWebhook.leadId, done),
            isNotNull(entregasWebhook.corpo),
          ),
        )
        .returning({ id: entregasWebhook.id })
    ).length;

    for (const lead of alvo.filter((l) => done.includes(l.id) && l.nome.trim().length >= 3)) {
      // \m and \M: whole words only, so "Ana" leaves "Anabela" alone.
      const pattern = `\\m${regexLiteral(lead.nome.trim())}\\M`;
      const scrubbed = await tx
        .update(mensagens)
        .set({
          corpo: sql`regexp_replace(${mensagens.corpo}, ${pattern}, ${NOME_CITADO_REMOVIDO}, 'gi')`,
          templateVariaveis: null,
          redacao: null,
        })
        .where(
          and(
            eq(mensagens.imobiliariaId, agency),
            isNull(mensagens.leadId),
            lead.desde ? sql`${mensagens.criadoEm} >= ${lead.desde.toISOString()}::timestamptz` : sql`true`,
            sql`${mensagens.corpo} ~* ${pattern}`,
          ),
        )
        .returning({ id: mensagens.id });
      counts.mensagens += scrubbed.length;
    }
  });
  return counts;
}

/** Digests and summaries (messages about no single lead) written before `before`: their bodies go. */
export async function clearOldMessagesWithoutLead(
  db: Db,
  imobiliariaId: string,
  before: Date,
  limit: number,
): Promise<number> {
  const rows = await db
    .update(mensagens)
    .set({ corpo: TEXTO_REMOVIDO, templateVariaveis: null, redacao: null })
    .where(
      inArray(
        mensagens.id,
        db
          .select({ id: mensagens.id })
          .from(mensagens)
          .where(
            and(
              eq(mensagens.imobiliariaId, idSchema.parse(imobiliariaId)),
              isNull(mensagens.leadId),
              lt(mensagens.criadoEm, before),
              sql`${mensagens.corpo} <> ${TEXTO_REMOVIDO}`,
            ),
          )
          .limit(batchSchema.parse(limit)),
      ),
    )
    .returning({ id: mensagens.id });
  return rows.length;
}

// ── A person's own request (LGPD art. 18): find, export, erase ────────────────────────────────────

export type TitularLead = {
  id: string;
  nome: string;
  telefone: string;
  email: string | null;
  origem: string | null;
  status: string | null;
  dataPrimeiroContato: Date | null;
  corretorId: string | null;
};

/** The agency's leads with one of these phones (E.164 forms) or this e-mail, anonymized ones left out. */
export async function findLeadsDoTitular(
  db: Db,
  imobiliariaId: string,
  busca: { telefones: string[] } | { email: string },
): Promise<TitularLead[]> {
  const match =
    "email" in busca
      ? sql`lower(${leads.email}) = ${z.email().parse(busca.email.trim().toLowerCase())}`
      : inArray(leads.telefone, z.array(z.string().regex(E164_PATTERN)).min(1).max(5).parse(busca.telefones));
  return db
    .select({
      id: leads.id,
      nome: leads.nome,
      telefone: leads.telefone,
      email: leads.email,
      origem: leads.origem,
      status: leads.status,
      dataPrimeiroContato: leads.dataPrimeiroContato,
      corretorId: leads.corretorId,
    })
    .from(leads)
    .where(
      and(
        eq(leads.imobiliariaId, idSchema.parse(imobiliariaId)),
        match,
        sql`(${leads.metadata} -> 'anonimizado') is null`,
      ),
    )
    .orderBy(leads.dataPrimeiroContato)
    .limit(100);
}

/** Everything held about these leads, row by row, for the person's copy (before any erasure). */
export async function exportLeadsDoTitular(db: Db, imobiliariaId: string, leadIds: string[]) {
  const ids = idsSchema.min(1).parse(leadIds);
  const agency = idSchema.parse(imobiliariaId);
  const [leadRows, interacaoRows, eventoRows, mensagemRows, entregaRows] = await Promise.all([
    db
      .select()
      .from(leads)
      .where(and(eq(leads.imobiliariaId, agency), inArray(leads.id, ids))),
    db.select().from(interacoes).where(inArray(interacoes.leadId, ids)),
    db
      .select()
      .from(eventos)
      .where(and(eq(eventos.imobiliariaId, agency), inArray(eventos.leadId, ids))),
    db
      .select({
        id: mensagens.id,
        leadId: mensagens.leadId,
        tipo: mensagens.tipo,
        corpo: mensagens.corpo,
        status: mensagens.status,
        criadoEm: mensagens.criadoEm,
        sentAt: mensagens.sentAt,
      })
      .from(mensagens)
      .where(and(eq(mensagens.imobiliariaId, agency), inArray(mensagens.leadId, ids))),
    db
      .select({
        id: entregasWebhook.id,
        leadId: entregasWebhook.leadId,
        portal: entregasWebhook.portal,
        recebidoEm: entregasWebhook.recebidoEm,
        corpo: entregasWebhook.corpo,
      })
      .from(entregasWebhook)
      .where(and(eq(entregasWebhook.imobiliariaId, agency), inArray(entregasWebhook.leadId, ids))),
  ]);
  return leadRows
    .filter((l) => ids.includes(l.id))
    .map((lead) => ({
      lead,
      interacoes: interacaoRows.filter((r) => r.leadId === lead.id),
      eventos: eventoRows.filter((r) => r.leadId === lead.id),
      mensagens: mensagemRows.filter((r) => r.leadId === lead.id),
      entregas: entregaRows.filter((r) => r.leadId === lead.id),
    }));
}

const MOTIVO_PARADA = {
  pedido_titular: "Cancelada: a pessoa pediu que seus dados fossem apagados (LGPD).",
  opt_out: "Cancelada: a pessoa pediu para não ser contatada.",
} as const;

/**
 * Before an erasure or on an opt-out: nothing about these leads may still go out or come due. Unsent
 * messages of every kind are cancelled (an unconfirmed one too: better unknown than sent again),
 * undecided events closed, and the SLA chain and visit reminders stopped.
 */
export async function stopWorkOnLeads(
  db: Db,
  imobiliariaId: string,
  leadIds: string[],
  em: Date,
  motivo: keyof typeof MOTIVO_PARADA = "pedido_titular",
): Promise<number> {
  const ids = idsSchema.parse(leadIds);
  if (ids.length === 0) return 0;
  const alvo = { imobiliariaId: idSchema.parse(imobiliariaId), leadIds: ids };
  // Events first, as when a lead is passed on: an alert being decided right now is committed before
  // the messages are read.
  await cancelEventosNaoDecididos(db, alvo, { motivo, em: em.toISOString() });
  const canceladas = await cancelMensagensNaoEnviadas(
    db,
    alvo,
    { codigo: motivo, mensagem: MOTIVO_PARADA[motivo] },
    em,
  );
  await db
    .update(leads)
    .set({ slaProximaEm: null, visitaEm: null })
    .where(and(eq(leads.imobiliariaId, alvo.imobiliariaId), inArray(leads.id, ids)));
  return canceladas.length;
}

/**
 * Marks the leads "não quer contato" (`metadata.optOut`: when and through which channel); returns the
 * ids newly marked. From then on nothing about them goes to a broker (the Orquestrador, the sweeps).
 */
export async function setOptOut(
  db: Db,
  imobiliariaId: string,
  leadIds: string[],
  optOut: { em: Date; canal: "whatsapp" | "painel" },
): Promise<string[]> {
  const ids = idsSchema.parse(leadIds);
  if (ids.length === 0) return [];
  const marca = JSON.stringify({ optOut: { em: optOut.em.toISOString(), canal: optOut.canal } });
  const rows = await db
    .update(leads)
    .set({ metadata: sql`coalesce(${leads.metadata}, '{}'::jsonb) || ${marca}::jsonb` })
    .where(
      and(
        eq(leads.imobiliariaId, idSchema.parse(imobiliariaId)),
        inArray(leads.id, ids),
        sql`(${leads.metadata} -> 'optOut') is null`,
      ),
    )
    .returning({ id: leads.id });
  return rows.map((r) => r.id);
}
