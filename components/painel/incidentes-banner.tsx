// The dashboard's banner for admins while an operator's incident is open (agents/vigilante/operacao):
// what is wrong, since when, and a link to /operacao.
import Link from "next/link";
import type { IncidenteLinha } from "@/lib/painel/operacao";
import { diaCurto, horaCurta } from "@/lib/whatsapp/text/compose";

export function IncidentesBanner({ incidentes, timezone }: { incidentes: IncidenteLinha[]; timezone: string }) {
  if (incidentes.length === 0) return null;
  const critico = incidentes.some((i) => i.critico);
  return (
    <div
      role="alert"
      data-testid="banner-incidente"
      className={`border-b px-4 py-2.5 text-sm md:px-6 ${
        critico ? "border-red-200 bg-red-50 text-red-800" : "border-amber-200 bg-amber-50 text-amber-900"
      }`}
    >
      <ul className="space-y-1">
        {incidentes.map((i) => (
          <li key={i.id}>
            <strong className="font-semibold">Incidente aberto: {i.titulo}</strong> ({i.severidade.toLowerCase()}, desde{" "}
            {diaCurto(i.abertoEm, timezone)} às {horaCurta(i.abertoEm, timezone)}).{" "}
            <Link href="/operacao" className="font-medium underline underline-offset-2">
              Ver operação
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
