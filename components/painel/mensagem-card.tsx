// One message to a broker, drawn as the broker reads it in WhatsApp: the bubble with its formatting
// and links, the quick-reply buttons under it, and around it who it is for and where it stands.
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import type { Mensagem } from "@/lib/db/queries/mensagens";
import { escritaMensagem, statusMensagem, TIPO_MENSAGEM_ROTULO } from "@/lib/painel/rotulos";
import { maskPhone, maskPii } from "@/lib/privacy/mask";
import { formatDataHora } from "@/lib/time/format-data-hora";
import { WhatsAppText } from "./whatsapp-text";

type MensagemCardProps = {
  mensagem: Mensagem;
  corretorNome: string;
  timezone: string;
  /** What the viewer may do to the message (a client island), under everything else. */
  acoes?: ReactNode;
};

function horaCurta(at: Date, timezone: string): string {
  return formatDataHora(at, timezone).slice(-5);
}

export function MensagemCard({ mensagem, corretorNome, timezone, acoes }: MensagemCardProps) {
  const status = statusMensagem(mensagem, timezone);
  const problema =
    (mensagem.status === "falhou" || mensagem.status === "incerta") && (mensagem.erroMensagem || mensagem.erroCodigo);
  // Not an error: the row says why it will not go out (e.g. the lead was passed to a colleague).
  const motivoCancelamento = mensagem.status === "cancelada" ? mensagem.erroMensagem : null;
  const escrita = escritaMensagem(mensagem);
  return (
    <article
      className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm"
      data-testid="mensagem"
      data-mensagem-id={mensagem.id}
      data-corretor-id={mensagem.corretorId}
      data-lead-id={mensagem.leadId ?? ""}
      data-status={mensagem.status}
      data-tipo={mensagem.tipo}
    >
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-4 py-2.5">
        <div className="min-w-0">
          <p className="truncate text-sm font-medium text-ink" data-testid="mensagem-corretor">
            Para {corretorNome}
          </p>
          <p className="text-xs text-muted tabular-nums" data-testid="mensagem-destino">
            WhatsApp {maskPhone(mensagem.destino)}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Badge>{TIPO_MENSAGEM_ROTULO[mensagem.tipo] ?? mensagem.tipo}</Badge>
          <Badge tom={status.tom} testId="mensagem-status">
            {status.rotulo}
          </Badge>
          <time className="text-xs text-muted tabular-nums" dateTime={mensagem.criadoEm.toISOString()}>
            {formatDataHora(mensagem.criadoEm, timezone)}
          </time>
        </div>
      </header>
      <div className="bg-[#efeae2] px-4 py-4">
        <div className="max-w-md">
          <div className="relative rounded-lg rounded-tl-none bg-white px-3 pt-2 pb-1.5 text-[0.9rem] leading-relaxed text-[#111b21] shadow-sm">
            <div className="break-words" data-testid="mensagem-corpo">
              <WhatsAppText corpo={mensagem.corpo} />
            </div>
            <p className="mt-1 text-right text-[0.7rem] text-slate-500 tabular-nums">
              {horaCurta(mensagem.criadoEm, timezone)}
            </p>
          </div>
          {mensagem.botoes.length > 0 ? (
            <div className="mt-1 flex flex-col gap-1">
              {mensagem.botoes.map((botao) => (
                <button
                  key={botao.id}
                  type="button"
                  disabled
                  title="Resposta rápida: o corretor toca neste botão no WhatsApp"
                  className="w-full cursor-default rounded-lg bg-white py-2 text-center text-sm font-medium text-sky-700 shadow-sm"
                  data-testid="mensagem-botao"
                >
                  {botao.titulo}
                </button>
              ))}
            </div>
          ) : null}
        </div>
      </div>
      {problema ? (
        <p className="border-t border-red-100 bg-red-50 px-4 py-2 text-xs text-red-700">
          {mensagem.erroCodigo ? `Erro ${mensagem.erroCodigo}: ` : ""}
          {maskPii(mensagem.erroMensagem ?? "")}
        </p>
      ) : null}
      {escrita ? (
        <p className="border-t border-slate-100 px-4 py-2 text-xs text-muted" data-testid="mensagem-escrita">
          {escrita}.
        </p>
      ) : null}
      {motivoCancelamento ? (
        <p className="border-t border-slate-100 bg-slate-50 px-4 py-2 text-xs text-muted" data-testid="mensagem-motivo">
          {maskPii(motivoCancelamento)}
        </p>
      ) : null}
      {acoes}
    </article>
  );
}
