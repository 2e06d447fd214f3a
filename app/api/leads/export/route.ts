// GET /api/leads/export – the /leads list, with its URL filters, as a CSV (gestor/admin only)
import { getViewer } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db/client";
import { loadImobiliaria } from "@/lib/painel/load-imobiliaria";
import { exportLeadsResponse } from "./export-leads";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const viewer = await getViewer();
  const { db } = await getDb();
  // A login still on a temporary password may only change it: it exports nothing (401).
  return exportLeadsResponse(viewer?.deveTrocarSenha ? null : viewer, new URL(request.url), {
    db,
    loadAgency: async (id) => {
      const imobiliaria = await loadImobiliaria(id);
      return { timezone: imobiliaria.timezone, scoreQuente: imobiliaria.configuracoes.scoreQuente };
    },
  });
}
