// Plain table parts with the dashboard's look; pages compose them.
import type { ReactNode } from "react";
import { foco } from "./estilos";

export function Table({ children, label }: { children: ReactNode; label: string }) {
  return (
    // Focusable region: a table wider than a phone scrolls inside its box, and a keyboard must reach it.
    <div
      className={`overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm ${foco}`}
      tabIndex={0}
      role="region"
      aria-label={label}
    >
      <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label={label}>
        {children}
      </table>
    </div>
  );
}

export function Th({ children, align = "left" }: { children: ReactNode; align?: "left" | "right" }) {
  return (
    <th
      scope="col"
      className={`bg-slate-50 px-3 py-2.5 text-xs font-semibold uppercase tracking-wide text-muted ${align === "right" ? "text-right" : "text-left"}`}
    >
      {children}
    </th>
  );
}

type TdProps = { children: ReactNode; align?: "left" | "right"; className?: string; testId?: string };

export function Td({ children, align = "left", className = "", testId }: TdProps) {
  return (
    <td
      className={`whitespace-nowrap px-3 py-2.5 ${align === "right" ? "text-right tabular-nums" : ""} ${className}`}
      data-testid={testId}
    >
      {children}
    </td>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-sm text-muted">
      {children}
    </div>
  );
}
