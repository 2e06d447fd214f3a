// The follow-up cadence's sweep: once per agency and local day, every open lead (em_contato,
// visita_agendada, proposta) quiet for the next step of `followUpDias` gets one `follow_up_vencido`
// event, keyed by lead, last interaction and step, so any number of sweeps or runners write it once.
// A new interaction moves `data_ultima_interacao` and so starts a new cadence; fechado/perdido leave
// the statuses read here. The Orquestrador then decides each event (decide.ts: hot → alert, else summary).
import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { insertEventoOnce } from "@/lib/db/queries/eventos";
import {
  listEventoIdsExistentes,
  listImobiliariasParaVarredura,
  listLeadsParados,
  listUltimasAnalises,
  type ImobiliariaParaVarredura,
  type LeadParado,
} from "@/lib/db/queries/follow-up";
import { configuracoesImobiliariaSchema } from "@/lib/domain/configuracoes-imobiliaria";
import { kvKeys } from "@/lib/kv/keys";
import type { Kv } from "@/lib/kv/types";
import { log } from "@/lib/log";
import { diasEntre, inicioDoDiaLocal, localDay, normalizeCadencia, passoVencido, type PassoFollowUp } from "./cadencia";
import { describeFollowUp, proximoPassoFor } from "./describe-follow-up";

export type FollowUpDeps = { db: Db; kv: Kv; now: () => Date };
export type EventoCriado = { eventoId: string; leadId: string; imobiliariaId: string; corretorId: string };

/** A lead quiet for longer than the last step plus this is left alone (its last step went, or never will). */
const ALCANCE_DIAS = 30;
const LOTE = 500;

export const followUpChave = (leadId: string, ultimaInteracao: Date, dias: number) =>
  `follow_up:${leadId}:${ultimaInteracao.getTime()}:${dias}`;

/** The event's id is its key's digest: the primary key is what makes the step happen once. */
export const followUpEventoId = (chave: string) =>
  `evt_fu_${createHash("sha256").update(chave).digest("hex").slice(0, 32)}`;

export async function sweepFollowUps(deps: FollowUpDeps): Promise<EventoCriado[]> {
  const criados: EventoCriado[] = [];
  for (const imobiliaria of await listImobiliariasParaVarredura(deps.db)) {
    criados.push(...(await sweepImobiliaria(deps, imobiliaria)));
  }
  return criados;
}

async function sweepImobiliaria(deps: FollowUpDeps, imobiliaria: ImobiliariaParaVarredura): Promise<EventoCriado[]> {
  const now = deps.now();
  const { timezone } = imobiliaria;
  const marca = kvKeys.followUpVarrido(imobiliaria.id, localDay(now, timezone));
  if (await deps.kv.get(marca.key).catch(() => null)) return [];
  const configuracoes = configuracoesImobiliariaSchema.safeParse(imobiliaria.configuracoes ?? {});
  if (!configuracoes.success) return [];
  const cadencia = normalizeCadencia(configuracoes.data.followUpDias);
  const criados: EventoCriado[] = [];
  if (cadencia.length > 0) {
    const parados = await listLeadsParados(deps.db, {
      imobiliariaId: imobiliaria.id,
      desde: inicioDoDiaLocal(now, cadencia.at(-1)! + ALCANCE_DIAS, timezone),
      antesDe: inicioDoDiaLocal(now, cadencia[0]! - 1, timezone),
      agora: now,
    });
    const vencidos = parados.flatMap((lead) => {
      const passo = passoVencido(lead.dataUltimaInteracao, cadencia, now, timezone);
      if (!passo) return [];
      const chave = followUpChave(lead.id, lead.dataUltimaInteracao, passo.dias);
      return [{ lead, passo, chave, id: followUpEventoId(chave) }];
    });
    for (let i = 0; i < vencidos.length; i += LOTE) {
      const lote = vencidos.slice(i, i + LOTE);
      const existentes = await listEventoIdsExistentes(
        deps.db,
        lote.map((v) => v.id),
      );
      const novos = lote.filter((v) => !existentes.has(v.id));
      const analises = await listUltimasAnalises(
        deps.db,
        novos.map((v) => v.lead.id),
      );
      for (const v of novos) {
        const contexto = { imobiliaria, cadencia, quente: v.lead.score >= configuracoes.data.scoreQuente, now };
        const criado = await recordStep(deps.db, contexto, v, analises.get(v.lead.id));
        if (criado) criados.push(criado);
      }
    }
  }
  // Marked only once the whole agency went through: a crash half-way leaves it to the next sweep.
  await deps.kv.set(marca.key, "1", marca.ttlSeconds).catch(() => undefined);
  if (criados.length) log.info("vigilante.follow_ups_due", { imobiliariaId: imobiliaria.id, eventos: criados.length });
  return criados;
}

type Vencido = { lead: LeadParado; passo: PassoFollowUp; chave: string; id: string };
type Contexto = { imobiliaria: ImobiliariaParaVarredura; cadencia: number[]; quente: boolean; now: Date };

async function recordStep(db: Db, ctx: Contexto, v: Vencido, analise: unknown): Promise<EventoCriado | null> {
  const { lead, passo } = v;
  const proximo = proximoPassoFor(lead.status, analise);
  const texto = describeFollowUp({
    nome: lead.nome,
    status: lead.status,
    ultimaInteracao: lead.dataUltimaInteracao,
    dias: diasEntre(
      localDay(lead.dataUltimaInteracao, ctx.imobiliaria.timezone),
      localDay(ctx.now, ctx.imobiliaria.timezone),
    ),
    passo: passo.indice + 1,
    cadencia: ctx.cadencia,
    quente: ctx.quente,
    proximoPasso: proximo.texto,
    timezone: ctx.imobiliaria.timezone,
  });
  const evento = await insertEventoOnce(db, {
    id: v.id,
    imobiliariaId: ctx.imobiliaria.id,
    tipo: "follow_up_vencido",
    urgencia: texto.urgencia,
    corretorId: lead.corretorId,
    leadId: lead.id,
    titulo: texto.titulo,
    descricao: texto.descricao,
    acaoRecomendada: proximo.texto,
    dataDeteccao: ctx.now,
    metadata: {
      chave: v.chave,
      dias: passo.dias,
      passo: passo.indice + 1,
      cadencia: ctx.cadencia,
      ultimaInteracao: lead.dataUltimaInteracao.toISOString(),
      status: lead.status,
      proximoPassoOrigem: proximo.origem,
    },
  });
  return evento
    ? { eventoId: evento.id, leadId: lead.id, imobiliariaId: ctx.imobiliaria.id, corretorId: lead.corretorId }
    : null;
}
