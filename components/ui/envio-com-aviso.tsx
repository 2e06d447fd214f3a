// A form's submit button with the answer beside it (role="status", read out by screen readers):
// every dashboard form saves and says how it went the same way.
import { botaoPrimario } from "@/components/ui/estilos";

type EnvioComAvisoProps = {
  rotulo: string;
  /** What the button says while the action runs ("Salvando…"). */
  rotuloEnviando: string;
  enviando: boolean;
  /** The last answer; null before the first submit. */
  aviso: { ok: boolean; mensagem?: string | null } | null;
  avisoTestId: string;
  botaoTestId?: string;
};

export function EnvioComAviso({
  rotulo,
  rotuloEnviando,
  enviando,
  aviso,
  avisoTestId,
  botaoTestId,
}: EnvioComAvisoProps) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="submit"
        className={`${botaoPrimario} w-full sm:w-auto`}
        disabled={enviando}
        data-testid={botaoTestId}
      >
        {enviando ? rotuloEnviando : rotulo}
      </button>
      {aviso?.mensagem ? (
        <p
          role="status"
          data-testid={avisoTestId}
          className={`text-sm ${aviso.ok ? "text-brand-800" : "text-amber-800"}`}
        >
          {aviso.mensagem}
        </p>
      ) : null}
    </div>
  );
}
