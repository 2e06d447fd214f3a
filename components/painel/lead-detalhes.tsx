// Who the lead is and where it stands: contact (full, with call and WhatsApp links: only people with
// the right to the lead reach this page), portal, listing, broker, status, receipt and first response.
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import type { LeadDetalhe } from "@/lib/painel/load-lead-detalhe";
import { formatReais, telLink, whatsappLink } from "@/lib/painel/contato";
import { formatPhone } from "@/lib/phone/format-phone";
import { duracaoTexto } from "@/lib/painel/first-response";
import { STATUS_LEAD } from "@/lib/painel/rotulos";
import { origemLabel } from "@/lib/portals/origem-label";
import { formatDataHora } from "@/lib/time/format-data-hora";

const linkClass =
  "font-medium text-brand-700 underline decoration-brand-300 underline-offset-2 hover:text-brand-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 rounded";

function Item({ termo, children, testId }: { termo: string; children: ReactNode; testId?: string }) {
  return (
    <div className="min-w-0 py-2 sm:grid sm:grid-cols-[9rem_minmax(0,1fr)] sm:gap-3">
      <dt className="text-xs font-medium uppercase tracking-wide text-muted sm:pt-0.5">{termo}</dt>
      <dd className="mt-0.5 break-words text-sm text-ink sm:mt-0" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

export function LeadDetalhes({ detalhe, timezone }: { detalhe: LeadDetalhe; timezone: string }) {
  const { lead, corretor, imovel, primeiraResposta } = detalhe;
  const tel = telLink(lead.telefone);
  const wa = whatsappLink(lead.telefone);
  const status = lead.status ? STATUS_LEAD[lead.status] : null;
  return (
    <section aria-labelledby="lead-detalhes" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="lead-detalhes" className="text-sm font-semibold text-ink">
        Contato e negócio
      </h2>
      <dl className="mt-2 divide-y divide-slate-100">
        <Item termo="Telefone" testId="lead-telefone">
          <span className="tabular-nums">{formatPhone(lead.telefone)}</span>
          {tel || wa ? (
            <span className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
              {tel ? (
                <a className={linkClass} href={tel}>
                  Ligar
                </a>
              ) : null}
              {wa ? (
                <a className={linkClass} href={wa} target="_blank" rel="noopener noreferrer">
                  WhatsApp
                </a>
              ) : null}
            </span>
          ) : null}
        </Item>
        <Item termo="E-mail">
          {lead.email ? (
            <a className={linkClass} href={`mailto:${lead.email}`}>
              {lead.email}
            </a>
          ) : (
            "—"
          )}
        </Item>
        <Item termo="Portal">{origemLabel(lead.origem)}</Item>
        <Item termo="Imóvel" testId="lead-imovel">
          {imovel ? (
            <>
              <span className="font-medium">{imovel.codigo}</span>
              {imovel.titulo ? <span className="block text-muted">{imovel.titulo}</span> : null}
              <span className="block tabular-nums">{formatReais(imovel.preco)}</span>
            </>
          ) : (
            "—"
          )}
        </Item>
        <Item termo="Corretor" testId="lead-corretor">
          {corretor?.nome ?? "Sem corretor"}
        </Item>
        <Item termo="Status" testId="lead-status">
          {status ? <Badge tom={status.tom}>{status.rotulo}</Badge> : "—"}
        </Item>
        <Item termo="Recebido em">
          <span className="tabular-nums">{formatDataHora(lead.dataPrimeiroContato, timezone)}</span>
        </Item>
        <Item termo="1ª resposta" testId="lead-primeira-resposta">
          {primeiraResposta ? (
            <span className="tabular-nums">
              {duracaoTexto(primeiraResposta.minutos)}{" "}
              <span className="text-muted">({formatDataHora(primeiraResposta.em, timezone)})</span>
            </span>
          ) : (
            <span className="text-muted">Ainda sem resposta</span>
          )}
        </Item>
      </dl>
    </section>
  );
}
