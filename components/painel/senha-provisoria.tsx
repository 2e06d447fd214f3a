// A temporary password, shown once right after it was made: nothing keeps it in clear, so it cannot
// be shown again (a new reset makes another).
import { Copiar } from "@/components/ui/copiar-client";

export function SenhaProvisoria({ mensagem, senha }: { mensagem?: string; senha: string }) {
  return (
    <div
      role="status"
      className="space-y-2 rounded-lg border border-brand-200 bg-brand-50 p-3 text-sm text-brand-900"
      data-testid="senha-provisoria"
    >
      {mensagem ? <p className="font-medium">{mensagem}</p> : null}
      <p>Senha provisória (mostrada só agora; vale por 72 horas e deve ser trocada no primeiro acesso):</p>
      <div className="flex flex-wrap items-center gap-2">
        <code className="min-w-0 break-all rounded bg-white px-2 py-1 font-mono text-base" data-testid="senha-valor">
          {senha}
        </code>
        <Copiar valor={senha} />
      </div>
    </div>
  );
}
