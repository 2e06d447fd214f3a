// Rotating a portal credential from the settings page: a fresh secret replaces the old one in the
// same transaction that writes the audit row (ids and the portal only: the secret is never kept in
// clear anywhere). The new secret is returned once, to be shown once.
import type { Db } from "@/lib/db/client";
import { insertAuditoria } from "@/lib/db/queries/auditoria";
import { forgetCachedIntegracoes, replaceIntegracaoSegredo } from "@/lib/db/queries/integracoes";
import type { Portal } from "@/lib/db/schema";
import { howToAuthenticate, newPortalSecret } from "./portal-credentials";

export const ACAO_ROTACAO = "integracao.segredo_trocado";

export type RotacaoFeita = { id: string; portal: Portal; segredo: string; comoAutenticar: string };

export type RotateDeps = { encryptionKey?: Buffer; newSecret?: () => string };

/** Null when the agency has no credential with this id (another agency's included): nothing changes. */
export async function rotateIntegracao(
  db: Db,
  input: { imobiliariaId: string; usuarioId: string; integracaoId: string },
  deps: RotateDeps = {},
): Promise<RotacaoFeita | null> {
  const segredo = (deps.newSecret ?? newPortalSecret)();
  const done = await db.transaction(async (tx) => {
    const row = await replaceIntegracaoSegredo(
      tx,
      { imobiliariaId: input.imobiliariaId, id: input.integracaoId, segredo },
      deps.encryptionKey,
    );
    if (!row) return null;
    await insertAuditoria(tx, {
      imobiliariaId: input.imobiliariaId,
      usuarioId: input.usuarioId,
      acao: ACAO_ROTACAO,
      alvoTipo: "integracao",
      alvoId: row.id,
      detalhes: { portal: row.portal },
    });
    return row;
  });
  if (!done) return null;
  // After the commit: a delivery read between the update and the commit would cache the old secret.
  forgetCachedIntegracoes(db);
  return {
    id: done.id,
    portal: done.portal,
    segredo,
    comoAutenticar: howToAuthenticate(done.portal, done.identificador, segredo),
  };
}
