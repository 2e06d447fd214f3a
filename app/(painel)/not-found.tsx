// A lead, message or page that does not exist, or one the login may not see (the same answer, on
// purpose), inside the dashboard shell so the menu is still there.
import Link from "next/link";

export default function PainelNotFound() {
  return (
    <div className="mx-auto max-w-xl py-16 text-center" data-testid="nao-encontrado">
      <h1 className="text-2xl font-bold text-ink">Não encontrado</h1>
      <p className="mt-3 text-muted">Este endereço não existe ou não está disponível para o seu acesso.</p>
      <Link className="mt-6 inline-block font-medium text-brand-700 underline" href="/leads">
        Ver os leads
      </Link>
    </div>
  );
}
