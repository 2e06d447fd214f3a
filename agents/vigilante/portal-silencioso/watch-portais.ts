// The Vigilante's quiet-portal watch, run by every sweep: an integration that delivered every day and
// has been silent past its usual gap becomes a `portal_silencioso` evento and a WhatsApp to the
// agency's admins; its next real delivery resolves the incident with a "voltou a entregar" message.
// Each is written in one transaction with its messages, under keys two runners share (the evento's
// id, the messages' idempotency keys), so every incident and every message happens once.
import { composePortalSilencioso, composePortalVoltou } from "@/agents/conselheiro/compose/compose-portal-silencioso";
import { queueToGestores } from "@/agents/conselheiro/gestao/queue-to-gestores";
import type { Db } from "@/lib/db/client";
import { getImobiliariaByIdCached } from "@/lib/db/queries/imobiliarias";
import {
  insertIncidentePortal,
  listEntregasReais,
  listRitmoIntegracoes,
  resolveIncidentePortal,
  type RitmoIntegracao,
} from "@/lib/db/queries/portal-silencioso";
import { log } from "@/lib/log";
import { PORTAL_ROTULO } from "@/lib/painel/auditoria-texto";
import { DEFAULT_TIMEZONE } from "@/lib/time/working-hours";
import { diaCurto, firstName, horaCurta } from "@/lib/whatsapp/text/compose";
import { DIAS_DE_RITMO, inicioDaJanela, ritmoDoPortal, SILENCIO_MINIMO_MS } from "./ritmo-do-portal";

export type WatchPortaisDeps = { db: Db; now: () => Date };
export type WatchPortaisResult = { incidentes: string[]; resolvidos: string[]; mensagens: number };

const DIA_MS = 24 * 60 * 60_000;
const rotulo = (portal: string) => PORTAL_ROTULO[portal as keyof typeof PORTAL_ROTULO] ?? portal;

export async function watchPortais(deps: WatchPortaisDeps): Promise<WatchPortaisResult> {
  const now = deps.now();
  const out: WatchPortaisResult = { incidentes: [], resolvidos: [], mensagens: 0 };
  for (const r of await listRitmoIntegracoes(deps.db)) {
    try {
      const aberto = r.incidente && !r.incidente.resolvidoEm ? r.incidente : null;
      if (aberto) {
        if (r.ultimaEntregaEm && r.ultimaEntregaEm > aberto.ultimaEntregaEm) {
          out.mensagens += await resolve(deps, r, aberto, r.ultimaEntregaEm, now, out);
        }
        continue;
      }
      const ultima = r.ultimaEntregaEm;
      if (!ultima) continue;
      const silencio = now.getTime() - ultima.getTime();
      // Under 24 h is never news; past 14 days it is no longer news (the watch was off, or it is new).
      if (silencio <= SILENCIO_MINIMO_MS || silencio > DIAS_DE_RITMO * DIA_MS) continue;
      // The same silence already told and resolved cannot come back: a resolution needs a newer delivery.
      if (r.incidente && r.incidente.ultimaEntregaEm.getTime() === ultima.getTime()) continue;
      out.mensagens += await detect(deps, r, ultima, now, out);
    } catch (err) {
      // One integration's failure must not hold back the others; the next sweep tries again.
      log.error("vigilante.portal_watch_failed", { integracaoId: r.integracaoId, error: String(err) });
    }
  }
  if (out.incidentes.length || out.resolvidos.length) log.info("vigilante.portal_watch", { ...out });
  return out;
}

async function timezoneOf(db: Db, imobiliariaId: string): Promise<string> {
  return (await getImobiliariaByIdCached(db, imobiliariaId))?.timezone ?? DEFAULT_TIMEZONE;
}

async function detect(deps: WatchPortaisDeps, r: RitmoIntegracao, ultima: Date, now: Date, out: WatchPortaisResult) {
  const timezone = await timezoneOf(deps.db, r.imobiliariaId);
  const entregas = await listEntregasReais(deps.db, {
    imobiliariaId: r.imobiliariaId,
    portal: r.portal,
    desde: inicioDaJanela(ultima, timezone),
    ate: ultima,
  });
  const ritmo = ritmoDoPortal(entregas, ultima, timezone);
  if (!ritmo.diario || now.getTime() - ultima.getTime() <= ritmo.limiteMs) return 0;
  const portal = rotulo(r.portal);
  return deps.db.transaction(async (tx) => {
    const eventoId = await insertIncidentePortal(tx, {
      imobiliariaId: r.imobiliariaId,
      integracaoId: r.integracaoId,
      portal: r.portal,
      ultimaEntregaEm: ultima,
      detectadoEm: now,
      titulo: `${portal} sem enviar leads desde ${diaCurto(ultima, timezone)} às ${horaCurta(ultima, timezone)}`,
      descricao: `O ${portal} entregou leads todos os dias nos 14 dias anteriores e está em silêncio há mais que o seu intervalo usual.`,
      acaoRecomendada: "Conferir no painel do portal se anúncios e integração estão ativos e enviar um lead de teste.",
      limiteHoras: Math.round(ritmo.limiteMs / 36_000) / 100,
      maiorIntervaloHoras: Math.round(ritmo.maiorIntervaloMs / 36_000) / 100,
    });
    if (!eventoId) return 0; // another runner found it first and tells the admins itself
    out.incidentes.push(eventoId);
    const input = { portal, ultimaEntregaEm: ultima, agora: now, maiorIntervaloMs: ritmo.maiorIntervaloMs, timezone };
    const rows = await queueToGestores(
      { db: tx, now: () => now },
      {
        imobiliariaId: r.imobiliariaId,
        tipo: "alerta_portal",
        chave: `portal_silencioso:${eventoId}`,
        papeis: ["admin"],
        eventoId,
        corpo: (g) => composePortalSilencioso(input, firstName(g.nome)),
      },
    );
    return rows.filter((m) => m.criada).length;
  });
}

async function resolve(
  deps: WatchPortaisDeps,
  r: RitmoIntegracao,
  aberto: NonNullable<RitmoIntegracao["incidente"]>,
  retomadaEm: Date,
  now: Date,
  out: WatchPortaisResult,
) {
  const timezone = await timezoneOf(deps.db, r.imobiliariaId);
  const portal = rotulo(r.portal);
  return deps.db.transaction(async (tx) => {
    if (!(await resolveIncidentePortal(tx, { eventoId: aberto.eventoId, resolvidoEm: now, retomadaEm }))) return 0;
    out.resolvidos.push(aberto.eventoId);
    const input = { portal, ultimaEntregaEm: aberto.ultimaEntregaEm, retomadaEm, timezone };
    const rows = await queueToGestores(
      { db: tx, now: () => now },
      {
        imobiliariaId: r.imobiliariaId,
        tipo: "alerta_portal",
        chave: `portal_voltou:${aberto.eventoId}`,
        papeis: ["admin"],
        eventoId: aberto.eventoId,
        corpo: (g) => composePortalVoltou(input, firstName(g.nome)),
      },
    );
    return rows.filter((m) => m.criada).length;
  });
}
