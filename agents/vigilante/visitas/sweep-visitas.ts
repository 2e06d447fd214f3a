// The visit sweep: for every lead still `visita_agendada` with a date, the reminder to its broker
// two hours before (visita-horarios.ts) and "Como foi a visita?" after it, each an `eventos` row
// (decided when written: the Orquestrador never composes it) and a `mensagens` row in one
// transaction, both keyed by lead and visit time, so any number of sweeps write each once and a
// new date (a new key) makes new ones. Quota-free: a committed appointment is not a lead alert.
import { createHash } from "node:crypto";
import { templateWriter, type MessageWriter, type VisitaInput } from "@/agents/conselheiro/compose/templates";
import { toLeadLinha } from "@/agents/orquestrador/load-evento-context";
import type { Db } from "@/lib/db/client";
import { getCorretorById, type Corretor } from "@/lib/db/queries/corretores";
import { insertEventoOnce } from "@/lib/db/queries/eventos";
import { getImobiliariaByIdCached, type Imobiliaria } from "@/lib/db/queries/imobiliarias";
import { getImovelById } from "@/lib/db/queries/imoveis";
import type { Lead } from "@/lib/db/queries/leads";
import { listVisitasEntre } from "@/lib/db/queries/leads-visita";
import { insertMensagemOnce } from "@/lib/db/queries/mensagens";
import { log } from "@/lib/log";
import { formatDataHora } from "@/lib/time/format-data-hora";
import { isOnDuty, nextDutyStart } from "@/lib/time/working-hours";
import { ATRASO_MAXIMO_MS, DEPOIS_DA_VISITA_MS, lembreteVisitaEm } from "./visita-horarios";

export type VisitaDeps = { db: Db; now: () => Date; writer?: MessageWriter };
export type VisitaEnvio = { mensagemId: string; corretorId: string };

type Passo = "lembrete_visita" | "pos_visita";
const HORA = 60 * 60_000;
/** Reminders look this far ahead (a 06:00 visit is reminded at 21:00 the evening before). */
const LEMBRETE_ALCANCE_MS = 12 * HORA;
/** Visits this old without an answer get no question any more (the sweep stops reading them). */
const POS_VISITA_ALCANCE_MS = 3 * 24 * HORA;

export const visitaChave = (passo: Passo, leadId: string, visitaEm: Date) => `${passo}:${leadId}:${visitaEm.getTime()}`;
const eventoId = (chave: string) => `evt_vi_${createHash("sha256").update(chave).digest("hex").slice(0, 32)}`;

/** Writes what is due; returns the messages to send now (the pipeline's sweep finds them too; scheduled ones go when due). */
export async function sweepVisitas(deps: VisitaDeps): Promise<VisitaEnvio[]> {
  const now = deps.now();
  const proximas = await listVisitasEntre(deps.db, { desde: now, ate: new Date(now.getTime() + LEMBRETE_ALCANCE_MS) });
  const passadas = await listVisitasEntre(deps.db, {
    desde: new Date(now.getTime() - POS_VISITA_ALCANCE_MS),
    ate: new Date(now.getTime() - DEPOIS_DA_VISITA_MS),
  });
  const envios: VisitaEnvio[] = [];
  for (const lead of proximas) {
    const imobiliaria = await getImobiliariaByIdCached(deps.db, lead.imobiliariaId!);
    if (!imobiliaria) continue;
    const quando = lembreteVisitaEm(lead.visitaEm!, imobiliaria.timezone);
    if (quando > now || now.getTime() - quando.getTime() > ATRASO_MAXIMO_MS) continue;
    const envio = await recordPasso(deps, imobiliaria, lead, "lembrete_visita", now);
    if (envio) envios.push(envio);
  }
  for (const lead of passadas) {
    const imobiliaria = await getImobiliariaByIdCached(deps.db, lead.imobiliariaId!);
    if (!imobiliaria) continue;
    const envio = await recordPasso(deps, imobiliaria, lead, "pos_visita", now);
    if (envio) envios.push(envio);
  }
  return envios;
}

async function recordPasso(
  deps: VisitaDeps,
  imobiliaria: Imobiliaria,
  lead: Lead,
  passo: Passo,
  now: Date,
): Promise<VisitaEnvio | null> {
  const corretor = await getCorretorById(deps.db, imobiliaria.id, lead.corretorId!);
  if (!corretor || corretor.ativo === false) return null;
  const visitaEm = lead.visitaEm!;
  const chave = visitaChave(passo, lead.id, visitaEm);
  const input = await visitaInput(deps.db, imobiliaria, corretor, lead);
  const writer = deps.writer ?? templateWriter;
  const composed = passo === "lembrete_visita" ? writer.lembreteVisita(input) : writer.posVisita(input);
  // The question waits for the broker's hours; the reminder is about an appointment and goes now.
  const espera =
    passo === "pos_visita" && !isOnDuty(corretor.preferencias, now, imobiliaria.timezone)
      ? nextDutyStart(corretor.preferencias, now, imobiliaria.timezone)
      : null;
  const quando = formatDataHora(visitaEm, imobiliaria.timezone);
  return deps.db.transaction(async (tx) => {
    const evento = await insertEventoOnce(tx, {
      id: eventoId(chave),
      imobiliariaId: imobiliaria.id,
      tipo: passo,
      urgencia: passo === "lembrete_visita" ? "alta" : "media",
      corretorId: corretor.id,
      leadId: lead.id,
      titulo:
        passo === "lembrete_visita" ? `Lembrete da visita com ${lead.nome}` : `Como foi a visita com ${lead.nome}?`,
      descricao:
        passo === "lembrete_visita"
          ? `Visita marcada para ${quando}: lembrete enviado ao corretor ${corretor.nome}.`
          : `A visita de ${quando} passou: ${corretor.nome} foi perguntado como foi${espera ? `, no início do expediente (${formatDataHora(espera, imobiliaria.timezone)})` : ""}.`,
      acaoRecomendada:
        passo === "lembrete_visita"
          ? "Confirmar a visita com o lead."
          : "Responder se a visita foi realizada ou se o lead foi perdido.",
      dataDeteccao: now,
      metadata: { chave, visitaEm: visitaEm.toISOString() },
      decisao: espera
        ? { acao: "agendar", quando: espera.toISOString(), motivo: "fora_do_expediente", decididoEm: now.toISOString() }
        : { acao: "agora", decididoEm: now.toISOString() },
    });
    if (!evento) return null; // this step of this visit happened already (another sweep or runner)
    const { mensagem } = await insertMensagemOnce(tx, {
      imobiliariaId: imobiliaria.id,
      corretorId: corretor.id,
      leadId: lead.id,
      eventoId: evento.id,
      eventoIds: [evento.id],
      tipo: passo,
      destino: corretor.telefone,
      ...composed,
      status: espera ? "agendada" : "pendente",
      ...(espera ? { scheduledFor: espera } : {}),
      idempotencyKey: chave,
      criadoEm: now,
    });
    log.info("vigilante.visita_step", { leadId: lead.id, passo, mensagemId: mensagem.id });
    return espera ? null : { mensagemId: mensagem.id, corretorId: corretor.id };
  });
}

async function visitaInput(db: Db, imobiliaria: Imobiliaria, corretor: Corretor, lead: Lead): Promise<VisitaInput> {
  const imovel = lead.imovelId ? await getImovelById(db, imobiliaria.id, lead.imovelId) : null;
  return {
    lead: toLeadLinha(lead),
    visitaEm: lead.visitaEm!,
    imovel: imovel ? { titulo: imovel.titulo, codigo: imovel.codigo, bairro: imovel.bairro } : null,
    timezone: imobiliaria.timezone,
    remetente: { corretorId: corretor.id, corretorNome: corretor.nome, imobiliariaNome: imobiliaria.nome },
  };
}
