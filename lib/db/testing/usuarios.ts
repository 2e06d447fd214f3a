// Login changes the dashboard has no screen for yet, for the auth tests: each ends the login's
// sessions the way sign-out does (sessao_versao + 1), as the real writers will have to.
import { eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { usuarios } from "../schema";

const nextSessaoVersao = sql`${usuarios.sessaoVersao} + 1`;

/** Activates or deactivates a login; deactivating also ends its sessions. */
export async function setUsuarioAtivo(db: Db, id: string, ativo: boolean): Promise<void> {
  await db
    .update(usuarios)
    .set(ativo ? { ativo } : { ativo, sessaoVersao: nextSessaoVersao })
    .where(eq(usuarios.id, id));
}

/** Stores a new password hash and ends every session opened with the old password. */
export async function setUsuarioSenhaHash(db: Db, id: string, senhaHash: string): Promise<void> {
  await db.update(usuarios).set({ senhaHash, sessaoVersao: nextSessaoVersao }).where(eq(usuarios.id, id));
}
