// /configuracoes/usuarios (admins): the agency's logins, a new one, a password reset (a temporary
// password shown once), deactivate/reactivate, admin ↔ gestor. A gestor or corretor gets "sem permissão".
import type { Metadata } from "next";
import { ConfiguracoesAbas } from "@/components/painel/configuracoes-abas";
import { UsuarioAcoes } from "@/components/painel/usuario-acoes-client";
import { UsuarioNovo } from "@/components/painel/usuario-novo-client";
import { UsuariosLista } from "@/components/painel/usuarios-lista";
import { PageHeader } from "@/components/ui/page-header";
import { requireRole } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db/client";
import { listCorretoresSemLogin } from "@/lib/db/queries/corretores";
import { listUsuarios } from "@/lib/db/queries/usuarios";
import { loadImobiliaria } from "@/lib/painel/load-imobiliaria";
import { alterarAtivoAction, criarLoginAction, mudarPapelAction, redefinirSenhaAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Usuários · Lastro" };

export default async function UsuariosPage() {
  const viewer = await requireRole("admin");
  const { db } = await getDb();
  const [imobiliaria, usuarios, semLogin] = await Promise.all([
    loadImobiliaria(viewer.imobiliariaId),
    listUsuarios(db, viewer.imobiliariaId),
    listCorretoresSemLogin(db, viewer.imobiliariaId),
  ]);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Configurações"
        description="Quem entra no painel: crie logins, redefina senhas e desative quem saiu da equipe."
      />
      <ConfiguracoesAbas atual="/configuracoes/usuarios" />
      <UsuarioNovo acao={criarLoginAction} corretores={semLogin} />
      <section aria-labelledby="logins" className="space-y-3">
        <h2 id="logins" className="text-base font-semibold text-ink">
          Logins ({usuarios.length})
        </h2>
        <UsuariosLista
          usuarios={usuarios}
          timezone={imobiliaria.timezone}
          acoes={(u) => (
            <UsuarioAcoes
              usuarioId={u.id}
              nome={u.nome}
              ativo={u.ativo}
              papel={u.papel}
              proprio={u.id === viewer.userId}
              redefinir={redefinirSenhaAction}
              alterarAtivo={alterarAtivoAction}
              mudarPapel={mudarPapelAction}
            />
          )}
        />
      </section>
    </div>
  );
}
