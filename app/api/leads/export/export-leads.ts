// GET /api/leads/export's HTTP work: who may export (gestor/admin of the agency), the same URL filters
// as /leads, and the CSV streamed a batch at a time so 100,000 leads never sit in memory at once.
import { narrowToCorretor, scopeOf } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Db } from "@/lib/db/client";
import { iterateLeads } from "@/lib/db/queries/leads-lista";
import { AppError, errorResponse } from "@/lib/errors";
import { leadCsvLine, leadsCsvHeader } from "@/lib/painel/leads-csv";
import { parseLeadsFiltros, toLeadsBusca } from "@/lib/painel/leads-filtros";
import type { RawSearchParams } from "@/lib/painel/search-params";

type Viewer = Pick<SessionUser, "papel" | "imobiliariaId" | "corretorId">;
type Agency = { timezone: string; scoreQuente: number };

export function exportLeadsResponse(
  viewer: Viewer | null,
  url: URL,
  deps: { db: Db; loadAgency: (id: string) => Promise<Agency> },
): Response {
  if (!viewer) return errorResponse(new AppError("unauthorized", "Entre no painel para exportar leads"));
  if (viewer.papel === "corretor") {
    return errorResponse(new AppError("forbidden", "Sem permissão: só gestores e administradores exportam leads"));
  }
  const raw: RawSearchParams = {};
  for (const key of new Set(url.searchParams.keys())) raw[key] = url.searchParams.getAll(key);
  const filtros = parseLeadsFiltros(raw);
  const scope = narrowToCorretor(scopeOf(viewer), filtros.corretor);
  const encoder = new TextEncoder();

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        const agency = await deps.loadAgency(viewer.imobiliariaId);
        const busca = toLeadsBusca(filtros, { scoreQuente: agency.scoreQuente, timezone: agency.timezone });
        controller.enqueue(encoder.encode(leadsCsvHeader()));
        let chunk = "";
        for await (const lead of iterateLeads(deps.db, scope, busca)) {
          chunk += leadCsvLine(lead, agency.timezone);
          if (chunk.length > 64 * 1024) {
            controller.enqueue(encoder.encode(chunk));
            chunk = "";
          }
        }
        controller.enqueue(encoder.encode(chunk));
        controller.close();
      } catch (err) {
        controller.error(err);
      }
    },
  });
  const dia = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    status: 200,
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="leads-${dia}.csv"`,
      "cache-control": "no-store",
    },
  });
}
