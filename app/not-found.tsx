import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-6 py-20 text-center">
      <h1 className="text-2xl font-bold text-ink">Página não encontrada</h1>
      <p className="mt-3 text-muted">O endereço pode ter mudado ou não existe.</p>
      <Link className="mt-6 inline-block font-medium text-brand-700 underline" href="/">
        Voltar ao início
      </Link>
    </main>
  );
}
