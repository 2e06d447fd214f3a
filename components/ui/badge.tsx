import type { ReactNode } from "react";
import type { Tom } from "@/lib/painel/rotulos";

const TONS: Record<Tom, string> = {
  neutro: "bg-slate-100 text-slate-700 ring-slate-200",
  info: "bg-sky-50 text-sky-800 ring-sky-200",
  sucesso: "bg-brand-50 text-brand-800 ring-brand-200",
  alerta: "bg-amber-50 text-amber-800 ring-amber-200",
  erro: "bg-red-50 text-red-700 ring-red-200",
};

type BadgeProps = { tom?: Tom; children: ReactNode; testId?: string };

export function Badge({ tom = "neutro", children, testId }: BadgeProps) {
  return (
    <span
      className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONS[tom]}`}
      data-testid={testId}
    >
      {children}
    </span>
  );
}
