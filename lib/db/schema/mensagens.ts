import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, varchar } from "drizzle-orm/pg-core";
import { corretores } from "./corretores";
import { eventos } from "./eventos";
import { imobiliarias } from "./imobiliarias";
import { leads } from "./leads";
import { usuarios } from "./usuarios";
import { MENSAGEM_TIPOS, type MensagemTipo } from "@/lib/domain/mensagem-tipos";
import type { Redacao } from "@/lib/domain/redacao";

export { MENSAGEM_TIPOS, type MensagemTipo };
// Also a varchar: `cancelada` (a lead passed on before its alert or reminder went out) needed no migration.
export const MENSAGEM_STATUS = [
  "pendente",
  "enviando",
  "enviada",
  "entregue",
  "lida",
  "falhou",
  "agendada",
  "retida_cota",
  "outbox",
  "incerta",
  "cancelada",
] as const;
export type MensagemStatus = (typeof MENSAGEM_STATUS)[number];

/** Every WhatsApp message to a broker or a manager's login. `idempotency_key` (evento + corretor + tipo) makes "never twice" a constraint. */
export const mensagens = pgTable(
  "mensagens",
  {
    id: varchar("id", { length: 50 }).primaryKey(),
    imobiliariaId: varchar("imobiliaria_id", { length: 50 })
      .notNull()
      .references(() => imobiliarias.id),
    /** The broker it is for; null for a message to a manager's login (`usuario_id`). */
    corretorId: varchar("corretor_id", { length: 50 }).references(() => corretores.id),
    /** A manager's or admin's login it is for (SLA escalation, portal alerts, the manager's summary). */
    usuarioId: varchar("usuario_id", { length: 50 }).references(() => usuarios.id),
    leadId: varchar("lead_id", { length: 50 }).references(() => leads.id),
    eventoId: varchar("evento_id", { length: 50 }).references(() => eventos.id),
    /** A digest covers several events. */
    eventoIds: jsonb("evento_ids").$type<string[]>().notNull().default([]),
    tipo: varchar("tipo", { length: 20 }).$type<MensagemTipo>().notNull(),
    destino: varchar("destino", { length: 20 }).notNull(),
    corpo: text("corpo").notNull(),
    templateSid: varchar("template_sid", { length: 64 }),
    templateVariaveis: jsonb("template_variaveis").$type<Record<string, string>>(),
    botoes: jsonb("botoes").$type<{ id: string; titulo: string }[]>().notNull().default([]),
    status: varchar("status", { length: 20 }).$type<MensagemStatus>().notNull(),
    providerSid: varchar("provider_sid", { length: 64 }),
    erroCodigo: varchar("erro_codigo", { length: 20 }),
    erroMensagem: text("erro_mensagem"),
    tentativas: integer("tentativas").notNull().default(0),
    idempotencyKey: varchar("idempotency_key", { length: 200 }).notNull().unique(),
    scheduledFor: timestamp("scheduled_for", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    criadoEm: timestamp("criado_em", { withTimezone: true }).notNull().defaultNow(),
    atualizadoEm: timestamp("atualizado_em", { withTimezone: true }).notNull().defaultNow(),
    /** For an alert the quota held back (`retida_cota`): the `agrupada` message that told it. No foreign key, as eventos'. */
    mensagemAgrupadaId: varchar("mensagem_agrupada_id", { length: 50 }),
    /** What a model may rewrite in its own words (facts it must keep, the fixed link lines); null = template only. */
    redacao: jsonb("redacao").$type<Redacao>(),
    /** Who wrote the body: "modelo:<nome>" or "regras" (the template; set at the send at the latest), null = not sent yet. */
    escritaPor: varchar("escrita_por", { length: 60 }),
    /** Why the template went instead of the model's text: sem_modelo, tipo_fixo, a timeout, a fact missing, too long… */
    escritaMotivo: varchar("escrita_motivo", { length: 120 }),
  },
  (t) => [
    // Exactly one recipient: a broker or a login.
    check("mensagens_um_destinatario", sql`(${t.corretorId} is null) <> (${t.usuarioId} is null)`),
    index("idx_mensagens_usuario_criado").on(t.usuarioId, t.criadoEm),
    index("idx_mensagens_corretor_criado").on(t.corretorId, t.criadoEm),
    index("idx_mensagens_status_agenda").on(t.status, t.scheduledFor),
    index("idx_mensagens_provider_sid").on(t.providerSid),
    // /visao-geral's message counts by status (all, outbox, com problema) as an index-only range.
    index("idx_mensagens_imobiliaria_status").on(t.imobiliariaId, t.status, t.corretorId),
    // The operator's error rate (every sweep, the last 15 min) and /operacao's messages per day.
    index("idx_mensagens_sent_at").on(t.sentAt),
    // The lead page's messages (listMensagensDoLead): without it every lead page read all of mensagens.
    index("idx_mensagens_lead_criado").on(t.leadId, t.criadoEm),
    // Held alerts no digest has told yet: read by every grouping sweep (predicate: retidasSemAgrupadaQuery's).
    index("idx_mensagens_retidas_sem_agrupada")
      .on(t.corretorId, t.criadoEm, t.id)
      .where(sql`status = 'retida_cota' and tipo = 'alerta' and mensagem_agrupada_id is null`),
  ],
);
