"use client";
// Put inside a next/link <Link>: a pulsing dot while the page it opens is loading, announced to
// screen readers. The dashboard has no loading.tsx, so the tapped link is where the wait shows.
import { useLinkStatus } from "next/link";

export function LinkPendente() {
  const { pending } = useLinkStatus();
  return pending ? (
    <span role="status" className="ml-2 inline-block size-2 animate-pulse rounded-full bg-brand-600 align-middle">
      <span className="sr-only">Carregando…</span>
    </span>
  ) : null;
}
