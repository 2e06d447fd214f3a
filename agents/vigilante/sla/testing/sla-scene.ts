// Test support for the SLA chain: an agency (the Orquestrador's scene) with its settings, managers
// with and without WhatsApp, a second broker for the roleta, fixed short links, and what a lead's
// chain left behind (its events, messages and SLA columns).
import { and, asc, eq } from "drizzle-orm";
import { createScene, createLeadEvento, type Scene } from "@/agents/orquestrador/testing/orquestrador-fixture";
import type { Db } from "@/lib/db/client";
import { forgetImobiliariasRecentes } from "@/lib/db/queries/imobiliarias";
import { insertUsuario } from "@/lib/db/queries/usuarios";
import { insertCorretor } from "@/lib/db/testing/corretores";
import { eventos, imobiliarias, leads, mensagens, usuarios } from "@/lib/db/schema";
import { parseConfiguracoes, type ConfiguracoesImobiliaria } from "@/lib/domain/configuracoes-imobiliaria";
import type { PreferenciasInput } from "@/lib/domain/preferencias";
import type { LeadLinks } from "@/lib/links/lead-links";

export const fakeLinks: LeadLinks = {
  whatsapp: (leadId, corretorId) => `https://lastro.test/r/wa.${leadId}.${corretorId}`,
  painel: (leadId, corretorId) => `https://lastro.test/r/lead.${leadId}.${corretorId}`,
};

const HASH = "$2a$04$" + "a".repeat(53);

export type SlaScene = Scene & { gestorIds: string[] };

export async function createSlaScene(
  db: Db,
  opts: {
    prefs?: PreferenciasInput;
    config?: Partial<ConfiguracoesImobiliaria>;
    /** Managers' WhatsApp numbers (null: a login without one). */
    gestores?: (string | null)[];
    outroCorretor?: boolean;
  } = {},
): Promise<SlaScene> {
  const scene = await createScene(db, { prefs: opts.prefs });
  await db
    .update(imobiliarias)
    .set({ configuracoes: parseConfiguracoes({ ...scene.agency.configuracoes, ...opts.config }) })
    .where(eq(imobiliarias.id, scene.agency.id));
  forgetImobiliariasRecentes(db);
  const gestorIds: string[] = [];
  for (const [i, whatsapp] of (opts.gestores ?? ["+5511911110001", null]).entries()) {
    const u = await insertUsuario(db, {
      email: `gestor${i}-${scene.agency.id}@example.com`,
      nome: `Gestora ${i}`,
      senhaHash: HASH,
      papel: i === 0 ? "admin" : "gestor",
      imobiliariaId: scene.agency.id,
    });
    if (whatsapp) await db.update(usuarios).set({ whatsapp }).where(eq(usuarios.id, u.id));
    gestorIds.push(u.id);
  }
  if (opts.outroCorretor) {
    await insertCorretor(db, {
      imobiliariaId: scene.agency.id,
      nome: "Bruno Reis",
      telefone: "+5511970000002",
      preferencias: { dias: [0, 1, 2, 3, 4, 5, 6] },
    });
  }
  return { ...scene, gestorIds };
}

export async function slaLead(scene: Scene, at: Date, nome = "Maria Souza") {
  return (await createLeadEvento(scene, { score: 80, at, nome })).lead;
}

/** What the chain left about a lead: its SLA events in order, its messages, its SLA columns. */
export async function slaTrail(db: Db, leadId: string) {
  const [lead] = await db.select().from(leads).where(eq(leads.id, leadId));
  const etapa = (e: { metadata: unknown }) => (e.metadata as { sla: { etapa: number } }).sla.etapa;
  // Steps taken in one move share their detection time: in step order then.
  const evs = (
    await db
      .select()
      .from(eventos)
      .where(and(eq(eventos.leadId, leadId), eq(eventos.tipo, "sla_violado")))
      .orderBy(asc(eventos.dataDeteccao), asc(eventos.id))
  ).sort((a, b) => a.dataDeteccao!.getTime() - b.dataDeteccao!.getTime() || etapa(a) - etapa(b));
  const msgs = await db.select().from(mensagens).where(eq(mensagens.leadId, leadId)).orderBy(asc(mensagens.criadoEm));
  return {
    lead: lead!,
    eventos: evs,
    etapas: evs.map(etapa),
    mensagens: msgs,
  };
}
