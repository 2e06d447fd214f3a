// "Rascunho de resposta": the first message the broker could send the lead, in their voice, naming
// the listing and answering what the lead asked — the model's when one was written, else the rules'.
// Copy it, or open the chat with it already typed.
import { Copiar } from "@/components/ui/copiar-client";
import { botaoSecundario } from "@/components/ui/estilos";
import { waMeLink } from "@/lib/whatsapp/text/compose";

type Props = { rascunho: { texto: string; motor: string }; telefone: string };

export function LeadRascunho({ rascunho, telefone }: Props) {
  const abrir = waMeLink(telefone, rascunho.texto);
  const daIa = rascunho.motor.startsWith("modelo:");
  return (
    <section
      aria-labelledby="lead-rascunho"
      className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
      data-testid="lead-rascunho"
    >
      <h2 id="lead-rascunho" className="text-sm font-semibold text-ink">
        Rascunho de resposta
      </h2>
      <p
        className="mt-2 whitespace-pre-line break-words rounded-lg bg-slate-50 p-3 text-sm text-ink"
        data-testid="lead-rascunho-texto"
      >
        {rascunho.texto}
      </p>
      <p className="mt-1 text-xs text-muted" data-testid="lead-rascunho-motor">
        {daIa
          ? `Escrito pela IA (${rascunho.motor.slice(7)}). Revise antes de enviar.`
          : "Escrito pelas regras automáticas. Ajuste se quiser."}
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        <Copiar valor={rascunho.texto} />
        {abrir ? (
          <a
            href={abrir}
            target="_blank"
            rel="noopener noreferrer"
            className={botaoSecundario}
            data-testid="lead-rascunho-whatsapp"
          >
            Abrir no WhatsApp
          </a>
        ) : null}
      </div>
    </section>
  );
}
