// The shape of a page while its data loads, announced to screen readers, so a slow list on a phone
// does not look frozen. Used by the list pages' loading.tsx.
export function PageSkeleton({ linhas = 6 }: { linhas?: number }) {
  return (
    <div role="status" aria-live="polite" className="space-y-6" data-testid="carregando">
      <span className="sr-only">Carregando…</span>
      <div className="h-8 w-48 animate-pulse rounded-lg bg-slate-200" />
      <div className="h-4 w-72 max-w-full animate-pulse rounded bg-slate-100" />
      <div className="space-y-3">
        {Array.from({ length: linhas }, (_, i) => (
          <div key={i} className="h-16 animate-pulse rounded-xl border border-slate-200 bg-white" />
        ))}
      </div>
    </div>
  );
}
