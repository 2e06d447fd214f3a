// The integrations page's cards: each portal's credential (never its secret), webhook URL, last
// 24 hours of deliveries, and an open quiet-portal incident (agents/vigilante/portal-silencioso).
import type { Db } from "@/lib/db/client";
import { countEntregasRecentes } from "@/lib/db/queries/entregas";
import { listIntegracoes } from "@/lib/db/queries/integracoes";
import { listIncidentesAbertos } from "@/lib/db/queries/portal-silencioso";
import type { Portal } from "@/lib/db/schema";
import { portalWebhookUrl } from "@/lib/setup/portal-credentials";

export type IntegracaoCartao = {
  id: string;
  portal: Portal;
  identificador: string | null;
  ativo: boolean;
  url: string;
  ultimaEntregaEm: Date | null;
  entregas24h: number;
  erros24h: number;
  /** The portal went quiet: its last real delivery before the silence (open incident), else null. */
  semEntregasDesde: Date | null;
};

const DIA_MS = 24 * 60 * 60 * 1000;

export async function loadIntegracoes(
  db: Db,
  imobiliaria: { id: string; slug: string },
  publicBaseUrl: string,
  now: Date,
): Promise<IntegracaoCartao[]> {
  const [integracoes, recentes, silencios] = await Promise.all([
    listIntegracoes(db, imobiliaria.id),
    countEntregasRecentes(db, imobiliaria.id, new Date(now.getTime() - DIA_MS)),
    listIncidentesAbertos(db, imobiliaria.id),
  ]);
  return integracoes.map((i) => {
    const r = recentes.get(i.portal);
    // ultima_entrega_em lags up to a minute behind (it skips recent writes); the deliveries table does not.
    const ultimas = [i.ultimaEntregaEm, r?.ultimaEm ?? null].filter((d): d is Date => d !== null);
    return {
      id: i.id,
      portal: i.portal,
      identificador: i.identificador,
      ativo: i.ativo,
      url: portalWebhookUrl(publicBaseUrl, i.portal, imobiliaria.slug),
      ultimaEntregaEm: ultimas.length ? new Date(Math.max(...ultimas.map((d) => d.getTime()))) : null,
      entregas24h: r?.total ?? 0,
      erros24h: r?.erros ?? 0,
      semEntregasDesde: i.ativo ? (silencios.get(i.portal) ?? null) : null,
    };
  });
}
