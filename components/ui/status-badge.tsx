import type { ReactNode } from "react";

type StatusBadgeProps = { children: ReactNode };

/** A green "live" pill: the page only renders after the database answered. */
export function StatusBadge({ children }: StatusBadgeProps) {
  return (
    <span className="inline-flex items-center gap-2 rounded-full bg-brand-100 px-3 py-1 text-sm font-medium text-brand-800">
      <span className="size-2 rounded-full bg-brand-500" aria-hidden="true" />
      {children}
    </span>
  );
}
