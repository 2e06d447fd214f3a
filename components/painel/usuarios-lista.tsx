// The agency's logins, one card per login (the same layout on a desk and on a phone): name, e-mail,
// role, broker, active, last login, its WhatsApp masked (the person's own data: an admin sees that
// there is one, and which it is by its last digits), and the admin's buttons for it.
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import type { UsuarioListado } from "@/lib/db/queries/usuarios";
import { PAPEL_ROTULO } from "@/lib/painel/rotulos";
import { maskPhone } from "@/lib/privacy/mask";
import { formatDataHora } from "@/lib/time/format-data-hora";

type Props = {
  usuarios: UsuarioListado[];
  timezone: string;
  /** The buttons of one login (a client island made by the page, which holds the actions). */
  acoes: (u: UsuarioListado) => ReactNode;
};

export function UsuariosLista({ usuarios, timezone, acoes }: Props) {
  return (
    <ul className="space-y-3" aria-label="Logins">
      {usuarios.map((u) => (
        <li
          key={u.id}
          className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm lg:grid-cols-[1fr_auto]"
          data-testid="usuario"
          data-usuario-id={u.id}
          data-email={u.email}
        >
          <div className="min-w-0 space-y-1">
            <div className="flex flex-wrap items-center gap-2">
              <h3 className="font-semibold text-ink">{u.nome}</h3>
              <Badge tom="info" testId="usuario-papel-rotulo">
                {PAPEL_ROTULO[u.papel]}
              </Badge>
              {u.ativo ? <Badge tom="sucesso">Ativo</Badge> : <Badge testId="usuario-inativo">Inativo</Badge>}
              {u.senhaProvisoriaAte ? <Badge tom="alerta">Senha provisória</Badge> : null}
            </div>
            <p className="break-all text-sm text-muted">{u.email}</p>
            <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
              {u.corretorNome ? (
                <div className="flex gap-1">
                  <dt className="text-muted">Corretor:</dt>
                  <dd className="text-ink">{u.corretorNome}</dd>
                </div>
              ) : null}
              <div className="flex gap-1">
                <dt className="text-muted">WhatsApp:</dt>
                <dd className="text-ink" data-testid="usuario-whatsapp">
                  {u.whatsapp ? maskPhone(u.whatsapp) : "não informado"}
                </dd>
              </div>
              <div className="flex gap-1">
                <dt className="text-muted">Último acesso:</dt>
                <dd className="text-ink">{u.ultimoLoginEm ? formatDataHora(u.ultimoLoginEm, timezone) : "nunca"}</dd>
              </div>
            </dl>
          </div>
          <div className="min-w-0 lg:max-w-md">{acoes(u)}</div>
        </li>
      ))}
    </ul>
  );
}
