"use client";
// Re-renders the page's server data every few seconds while the tab is visible, so new messages
// show up in the outbox without a manual reload (router.refresh keeps scroll and form state).
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function AutoRefresh({ seconds = 10 }: { seconds?: number }) {
  const router = useRouter();
  useEffect(() => {
    const id = window.setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, seconds * 1000);
    return () => window.clearInterval(id);
  }, [router, seconds]);
  return (
    <span className="inline-flex items-center gap-1.5 text-xs text-muted">
      <span className="size-1.5 animate-pulse rounded-full bg-brand-500" aria-hidden="true" />
      Atualiza sozinho a cada {seconds} s
    </span>
  );
}
