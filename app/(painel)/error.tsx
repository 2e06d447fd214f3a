"use client";

// A dashboard page that failed on the server: the menu stays, the message is in Portuguese, and the
// person can try again; the details stay in the server log (the digest ties the two together).
export default function PainelError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-xl py-16 text-center">
      <h1 className="text-2xl font-bold text-ink">Algo deu errado</h1>
      <p className="mt-3 text-muted">
        Não foi possível carregar esta página agora. Tente de novo em instantes; se continuar, avise o administrador
        {error.digest ? (
          <>
            {" "}
            com o código <code className="rounded bg-slate-100 px-1 text-sm">{error.digest}</code>
          </>
        ) : null}
        .
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
      >
        Tentar de novo
      </button>
    </div>
  );
}
