// Agency API keys: "Authorization: Bearer lst_<prefix>_<secret>" for an agency's own systems calling
// Lastro (today the LGPD requests of /api/privacidade). A key belongs to one agency and carries scopes;
// only its SHA-256 is stored, the whole key is shown once when an admin creates it. Creating and
// revoking are audited with the key's id and name, never the secret.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { insertAuditoria } from "@/lib/db/queries/auditoria";
import { findChaveApiAtiva, insertChaveApi, revokeChaveApi, touchChaveApi } from "@/lib/db/queries/chaves-api";
import type { EscopoApi } from "@/lib/db/schema";
import { newId } from "@/lib/ids";

const KEY_PATTERN = /^lst_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/;

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

export type ApiKeyAuth =
  | { ok: true; imobiliariaId: string; chaveId: string; nome: string }
  | { ok: false; status: 401 | 403; message: string };

/** Reads the Authorization header; 401 for a missing, malformed, unknown or revoked key, 403 for a missing scope. */
export async function authenticateApiKey(
  db: Db,
  authorization: string | null,
  escopo: EscopoApi,
  now: Date,
): Promise<ApiKeyAuth> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? "")?.[1];
  if (!token)
    return { ok: false, status: 401, message: "Envie a chave de API no cabeçalho Authorization: Bearer <chave>." };
  if (!KEY_PATTERN.test(token)) return { ok: false, status: 401, message: "Chave de API inválida." };
  const chave = await findChaveApiAtiva(db, sha256(token));
  if (!chave) return { ok: false, status: 401, message: "Chave de API inválida ou revogada." };
  if (!chave.escopos.includes(escopo)) {
    return { ok: false, status: 403, message: `Esta chave não tem o escopo "${escopo}".` };
  }
  await touchChaveApi(db, chave.id, now);
  return { ok: true, imobiliariaId: chave.imobiliariaId, chaveId: chave.id, nome: chave.nome };
}

/** Creates a key; returns it whole, the only time it exists outside the caller's hands. */
export async function createApiKey(
  db: Db,
  ator: { imobiliariaId: string; usuarioId: string },
  input: { nome: string; escopos: EscopoApi[] },
  now: Date,
): Promise<{ id: string; chave: string; prefixo: string }> {
  const prefixo = randomBytes(4).toString("hex");
  const chave = `lst_${prefixo}_${randomBytes(32).toString("base64url")}`;
  const id = newId("key", now.getTime());
  await db.transaction(async (tx) => {
    await insertChaveApi(tx, {
      id,
      imobiliariaId: ator.imobiliariaId,
      nome: input.nome,
      prefixo: `lst_${prefixo}`,
      hash: sha256(chave),
      escopos: input.escopos,
      criadaPor: ator.usuarioId,
      criadaEm: now,
    });
    await insertAuditoria(tx, {
      imobiliariaId: ator.imobiliariaId,
      usuarioId: ator.usuarioId,
      acao: "chave_api.criada",
      alvoTipo: "chave_api",
      alvoId: id,
      detalhes: { nome: input.nome.slice(0, 80), escopos: input.escopos.join(",") },
      criadoEm: now,
    });
  });
  return { id, chave, prefixo: `lst_${prefixo}` };
}

export async function revokeApiKey(
  db: Db,
  ator: { imobiliariaId: string; usuarioId: string },
  chaveId: string,
  now: Date,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const revogada = await revokeChaveApi(tx, ator.imobiliariaId, chaveId, now);
    if (revogada) {
      await insertAuditoria(tx, {
        imobiliariaId: ator.imobiliariaId,
        usuarioId: ator.usuarioId,
        acao: "chave_api.revogada",
        alvoTipo: "chave_api",
        alvoId: chaveId,
        criadoEm: now,
      });
    }
    return revogada;
  });
}
