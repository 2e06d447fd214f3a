// Test support for the summaries: an agency in São Paulo, brokers with given hours, and leads as the
// pipeline leaves them (row, portal message, event; optionally a visit request, an alert the quota
// held, the broker's first contact).
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { type Corretor } from "@/lib/db/queries/corretores";
import { insertCorretor } from "@/lib/db/testing/corretores";
import { insertEvento } from "@/lib/db/queries/eventos";
import { insertImobiliaria, type Imobiliaria } from "@/lib/db/queries/imobiliarias";
import { insertInteracao } from "@/lib/db/queries/interacoes";
import type { Lead } from "@/lib/db/queries/leads";
import { insertPortalLead } from "@/lib/db/testing/portal-lead";
import { insertMensagemOnce } from "@/lib/db/queries/mensagens";
import { recordDecisionOnly } from "@/lib/db/units/record-decision";
import type { Busca, LeadStatus } from "@/lib/db/schema";
import type { PreferenciasInput } from "@/lib/domain/preferencias";
import { newId } from "@/lib/ids";

/** Monday to Saturday, 08:00–20:00: the seed's defaults. */
export const HORARIO_COMERCIAL: PreferenciasInput = {
  horario: { inicio: "08:00", fim: "20:00" },
  dias: [1, 2, 3, 4, 5, 6],
};

let phoneSeq = 0;

export async function createSummaryAgency(db: Db): Promise<Imobiliaria> {
  return insertImobiliaria(db, {
    slug: `res-${randomUUID().slice(0, 8)}`,
    nome: "Imobiliária Centro",
    cidade: "São Paulo",
    uf: "SP",
  });
}

export async function createBroker(
  db: Db,
  agency: Imobiliaria,
  nome: string,
  prefs: PreferenciasInput = HORARIO_COMERCIAL,
): Promise<Corretor> {
  const telefone = `+55119${String(60_000_000 + ++phoneSeq).padStart(8, "0")}`;
  return insertCorretor(db, { imobiliariaId: agency.id, nome, telefone, preferencias: prefs });
}

export type LeadSpec = {
  at: Date;
  nome: string;
  score: number;
  status?: LeadStatus;
  busca?: Busca;
  /** A visit request detected with the lead. */
  visita?: boolean;
  /** The lead's alert was held by the daily quota. */
  retida?: boolean;
  /** When the broker confirmed the first contact ("Já contatei"). */
  contatoEm?: Date;
  /** The portal; ZAP by default. */
  origem?: string;
  imovelId?: string;
};

export async function addLead(db: Db, agency: Imobiliaria, corretor: Corretor, spec: LeadSpec): Promise<Lead> {
  const lead = await insertPortalLead(db, {
    id: newId("lead", spec.at.getTime()),
    imobiliariaId: agency.id,
    corretorId: corretor.id,
    nome: spec.nome,
    telefone: "+5511987654321",
    origem: spec.origem ?? "zap",
    dataPrimeiroContato: spec.at,
    dataUltimaInteracao: spec.at,
    score: spec.score,
    status: spec.status ?? (spec.contatoEm ? "em_contato" : "novo"),
    busca: spec.busca ?? null,
    imovelId: spec.imovelId ?? null,
  });
  await insertInteracao(db, { leadId: lead.id, tipo: "mensagem_portal", data: spec.at, conteudo: "Tenho interesse" });
  const evento = await insertEvento(db, {
    imobiliariaId: agency.id,
    tipo: spec.visita ? "visita_solicitada" : "novo_lead",
    urgencia: "alta",
    corretorId: corretor.id,
    leadId: lead.id,
    titulo: `Novo lead: ${spec.nome}`,
    descricao: "teste",
    acaoRecomendada: "teste",
    dataDeteccao: spec.at,
  });
  // Already decided, so a runner's sweep leaves it alone: these leads were alerted (or not) in the past.
  await recordDecisionOnly(db, evento.id, { acao: "decidido_no_teste" });
  if (spec.retida) {
    await insertMensagemOnce(db, {
      imobiliariaId: agency.id,
      corretorId: corretor.id,
      leadId: lead.id,
      eventoId: evento.id,
      tipo: "alerta",
      destino: corretor.telefone,
      corpo: `🔥 Novo lead: ${spec.nome}`,
      status: "retida_cota",
      idempotencyKey: `alerta:${evento.id}`,
      criadoEm: spec.at,
    });
  }
  if (spec.contatoEm) {
    await insertInteracao(db, {
      leadId: lead.id,
      tipo: "contato_corretor",
      data: spec.contatoEm,
      conteudo: "Já contatei",
    });
  }
  return lead;
}

/** A São Paulo wall-clock time (UTC−3, no DST since 2019) as an instant. */
export const sp = (isoLocal: string) => new Date(`${isoLocal}-03:00`);
