// /configuracoes (admins): the agency itself — name, time zone, priority thresholds, routing and
// roleta weights, grouping defaults, SLA and follow-up, summary hours, Twilio templates. A gestor or
// corretor gets "sem permissão". A saved change is used from the next lead on.
import type { Metadata } from "next";
import { ConfiguracoesAbas } from "@/components/painel/configuracoes-abas";
import { ConfiguracoesImobiliaria } from "@/components/painel/configuracoes-imobiliaria-client";
import { PageHeader } from "@/components/ui/page-header";
import { requireRole } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { loadConfiguracoes } from "@/lib/painel/load-configuracoes";
import { loadImobiliaria } from "@/lib/painel/load-imobiliaria";
import { listTimeZones } from "@/lib/time/time-zones";
import { salvarConfiguracoesAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Configurações · Lastro" };

export default async function ConfiguracoesPage() {
  const viewer = await requireRole("admin");
  const { db } = await getDb();
  const imobiliaria = await loadImobiliaria(viewer.imobiliariaId);
  const valores = await loadConfiguracoes(db, imobiliaria, env.twilioTemplates, env.llm !== null);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Configurações"
        description="Como a imobiliária recebe, prioriza e distribui os leads. Uma mudança vale a partir do próximo lead."
      />
      <ConfiguracoesAbas atual="/configuracoes" />
      <div className="max-w-4xl">
        <ConfiguracoesImobiliaria
          valores={valores}
          fusos={listTimeZones(imobiliaria.timezone)}
          acao={salvarConfiguracoesAction}
        />
      </div>
    </div>
  );
}
