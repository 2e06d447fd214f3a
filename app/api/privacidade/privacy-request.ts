// POST /api/privacidade/{buscar,exportar,apagar}: a person's LGPD request sent by the agency's own
// system with an API key that has the "privacidade" scope (lib/auth/api-key.ts). The body names the
// person, never the URL (query strings end up in proxy logs): {"telefone": "..."} or {"email": "..."}.
// Same work as /privacidade (lib/privacy/titular.ts), audited with the key's id.
import { z } from "zod";
import { authenticateApiKey } from "@/lib/auth/api-key";
import type { Db } from "@/lib/db/client";
import { AppError, errorResponse } from "@/lib/errors";
import { readJsonBody } from "@/lib/http/read-json-body";
import { eraseTitular, exportTitular, findTitular, parseTitularBusca } from "@/lib/privacy/titular";

export const ACOES_PRIVACIDADE = ["buscar", "exportar", "apagar"] as const;
const MAX_BODY_BYTES = 4 * 1024;

const corpoSchema = z
  .object({
    telefone: z.string().trim().min(1).max(40).optional(),
    email: z.string().trim().min(3).max(200).optional(),
  })
  .strict()
  .refine((b) => Boolean(b.telefone) !== Boolean(b.email), { message: 'Envie "telefone" ou "email" (um dos dois).' });

export async function respondToPrivacyRequest(
  deps: { db: Db; now: () => Date },
  acao: string,
  request: Request,
): Promise<Response> {
  try {
    if (!(ACOES_PRIVACIDADE as readonly string[]).includes(acao)) {
      throw new AppError("not_found", `Ação desconhecida: use ${ACOES_PRIVACIDADE.join(", ")}.`);
    }
    const now = deps.now();
    const auth = await authenticateApiKey(deps.db, request.headers.get("authorization"), "privacidade", now);
    if (!auth.ok) throw new AppError(auth.status === 401 ? "unauthorized" : "forbidden", auth.message);
    const corpo = corpoSchema.safeParse((await readJsonBody(request, { limit: MAX_BODY_BYTES })).value);
    if (!corpo.success) throw new AppError("validation_failed", corpo.error.issues[0]?.message ?? "Corpo inválido.");
    const parsed = parseTitularBusca(corpo.data.telefone ?? corpo.data.email ?? "");
    if ("erro" in parsed) throw new AppError("validation_failed", parsed.erro);
    const ator = { imobiliariaId: auth.imobiliariaId, chaveApiId: auth.chaveId };
    const headers = { "cache-control": "no-store" };
    if (acao === "buscar") {
      const leads = await findTitular(deps.db, auth.imobiliariaId, parsed.busca);
      return Response.json({ leads }, { headers });
    }
    if (acao === "exportar") return Response.json(await exportTitular(deps.db, ator, parsed.busca, now), { headers });
    return Response.json(await eraseTitular(deps.db, ator, parsed.busca, now), { headers });
  } catch (err) {
    return errorResponse(err);
  }
}
