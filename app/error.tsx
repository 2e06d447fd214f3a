"use client";

// A page that failed on the server (database down, for instance) shows this instead of Next's
// English default; the details stay in the server log.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-xl px-6 py-20 text-center">
      <h1 className="text-2xl font-bold text-ink">Algo deu errado</h1>
      <p className="mt-3 text-muted">
        Não foi possível carregar esta página. Verifique o estado dos serviços em{" "}
        <a className="font-medium text-brand-700 underline" href="/api/health">
          /api/health
        </a>{" "}
        e tente de novo.
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
      >
        Tentar de novo
      </button>
    </main>
  );
}
