// /operacao (admins): is the pipeline keeping up? The agency's events per hour, messages per day,
// processing latency and errors per minute, and the installation's incidents (the sweep's alerts,
// agents/vigilante/operacao). A gestor or corretor gets "sem permissão".
import type { Metadata } from "next";
import {
  GraficoErrosPorMinuto,
  GraficoEventosPorHora,
  GraficoMensagensPorDia,
  IncidentesTabela,
  LatenciaResumo,
} from "@/components/painel/operacao-graficos";
import { PageHeader } from "@/components/ui/page-header";
import { requireRole } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db/client";
import { loadImobiliaria } from "@/lib/painel/load-imobiliaria";
import { loadOperacao } from "@/lib/painel/operacao";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Operação · Lastro" };

export default async function OperacaoPage() {
  const viewer = await requireRole("admin");
  const imobiliaria = await loadImobiliaria(viewer.imobiliariaId);
  const { db } = await getDb();
  const p = await loadOperacao(db, imobiliaria.id, imobiliaria.timezone);
  const tz = imobiliaria.timezone;
  return (
    <div className="space-y-6" data-testid="operacao">
      <PageHeader
        title="Operação"
        description={`O pipeline da imobiliária e os incidentes do Lastro (avaliados a cada minuto). ${
          tz === "America/Sao_Paulo" ? "Horários de São Paulo." : `Horários no fuso ${tz}.`
        }`}
      />
      <IncidentesTabela incidentes={p.incidentes} tz={tz} />
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        <GraficoEventosPorHora p={p} tz={tz} />
        <GraficoMensagensPorDia p={p} />
        <GraficoErrosPorMinuto p={p} tz={tz} />
        <LatenciaResumo p={p} />
      </div>
    </div>
  );
}
