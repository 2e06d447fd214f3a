// One portal's card on /configuracoes/integracoes: its webhook URL to copy, who signs in, the last
// 24 hours of deliveries, "Enviar lead de teste" and the rotate button. The secret itself is never on the page, except the
// new one right after a rotation (TrocarSegredo).
import type { ComponentProps } from "react";
import { Badge } from "@/components/ui/badge";
import { Copiar } from "@/components/ui/copiar-client";
import { PORTAL_ROTULO } from "@/lib/painel/auditoria-texto";
import type { IntegracaoCartao as Cartao } from "@/lib/painel/load-integracoes";
import { formatDataHora } from "@/lib/time/format-data-hora";
import { EnviarLeadTeste } from "./lead-teste-client";
import { TrocarSegredo } from "./trocar-segredo-client";

const numero = new Intl.NumberFormat("pt-BR");

const AUTENTICACAO: Record<Cartao["portal"], (identificador: string | null) => string> = {
  "grupo-olx": () => "Basic: usuário vivareal e o segredo como senha",
  "chaves-na-mao": (id) => `Basic: usuário ${id ?? "—"} e o segredo como senha`,
  imovelweb: (id) => `Cabeçalho ${id ?? "X-Imovelweb-Token"} com o segredo`,
  generico: () => "Authorization: Bearer <segredo> (ou X-Api-Key)",
};

type Props = {
  integracao: Cartao;
  timezone: string;
  acao: ComponentProps<typeof TrocarSegredo>["acao"];
  acaoTeste: ComponentProps<typeof EnviarLeadTeste>["acao"];
};

export function IntegracaoCartao({ integracao: i, timezone, acao, acaoTeste }: Props) {
  const nome = PORTAL_ROTULO[i.portal];
  return (
    <article
      className="min-w-0 space-y-4 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm md:p-5"
      data-testid="integracao"
      data-portal={i.portal}
      aria-labelledby={`integracao-${i.id}`}
    >
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={`integracao-${i.id}`} className="text-lg font-semibold text-ink">
          {nome}
        </h2>
        <Badge tom={i.ativo ? "sucesso" : "neutro"}>{i.ativo ? "Ativa" : "Inativa"}</Badge>
      </header>

      {i.semEntregasDesde ? (
        <p
          role="status"
          className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200"
          data-testid="integracao-silencio"
        >
          Sem entregas desde {formatDataHora(i.semEntregasDesde, timezone)}: mais tempo que o intervalo usual deste
          portal. Os administradores foram avisados no WhatsApp.
        </p>
      ) : null}

      <div className="space-y-1">
        <p className="text-sm font-medium text-ink">URL do webhook</p>
        <div className="flex min-w-0 items-center gap-2">
          <code
            className="min-w-0 flex-1 break-all rounded-lg bg-slate-50 px-2 py-1.5 font-mono text-xs text-ink ring-1 ring-slate-200"
            data-testid="integracao-url"
          >
            {i.url}
          </code>
          <Copiar valor={i.url} />
        </div>
        <p className="text-xs text-muted">{AUTENTICACAO[i.portal](i.identificador)}</p>
      </div>

      <dl className="grid grid-cols-3 gap-2 text-sm">
        <div className="min-w-0">
          <dt className="text-xs text-muted">Última entrega</dt>
          <dd className="font-medium text-ink" data-testid="integracao-ultima">
            {i.ultimaEntregaEm ? formatDataHora(i.ultimaEntregaEm, timezone) : "Nenhuma ainda"}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-muted">Entregas (24 h)</dt>
          <dd className="font-medium tabular-nums text-ink" data-testid="integracao-entregas">
            {numero.format(i.entregas24h)}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-muted">Erros (24 h)</dt>
          <dd
            className={`font-medium tabular-nums ${i.erros24h > 0 ? "text-red-700" : "text-ink"}`}
            data-testid="integracao-erros"
          >
            {numero.format(i.erros24h)}
          </dd>
        </div>
      </dl>

      <div className="space-y-3 border-t border-slate-100 pt-3">
        <EnviarLeadTeste integracaoId={i.id} acao={acaoTeste} />
        <TrocarSegredo integracaoId={i.id} portalNome={nome} acao={acao} />
      </div>
    </article>
  );
}
