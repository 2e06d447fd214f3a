// A page the role may not open (requireRole → forbidden(), HTTP 403), inside the dashboard shell.
import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-xl py-16 text-center" data-testid="sem-permissao">
      <h1 className="text-2xl font-bold text-ink">Sem permissão</h1>
      <p className="mt-3 text-muted">
        Esta página é para gestores e administradores da imobiliária. Se você precisa dela, peça acesso a um
        administrador.
      </p>
      <Link className="mt-6 inline-block font-medium text-brand-700 underline" href="/visao-geral">
        Voltar à visão geral
      </Link>
    </div>
  );
}
