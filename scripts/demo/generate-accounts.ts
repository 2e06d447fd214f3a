// The demo's logins and portal credentials as rows: bcrypt hashes and AES-GCM ciphertexts of the
// documented demo values (scripts/demo/demo-accounts.ts).
import bcrypt from "bcryptjs";
import type { InferInsertModel } from "drizzle-orm";
import { encryptSecret } from "@/lib/crypto/secrets";
import type { integracoes, usuarios } from "@/lib/db/schema";
import { newId } from "@/lib/ids";
import { DEMO_INTEGRACOES, DEMO_LOGINS } from "./demo-accounts";
import { DAY_MS, type DemoBase } from "./generate-base";
import type { Random } from "./random";

const BCRYPT_COST = 10;

// bcrypt salts normally come from crypto randomness; a seeded salt keeps the hashes reproducible.
export async function buildUsuarios(
  rng: Random,
  base: DemoBase,
  now: Date,
): Promise<InferInsertModel<typeof usuarios>[]> {
  const firstActive = base.brokers.find((b) => b.ativo)!;
  const rows: InferInsertModel<typeof usuarios>[] = [];
  for (const login of DEMO_LOGINS) {
    const salt = `$2b$${BCRYPT_COST}$${bcrypt.encodeBase64(rng.bytes(16), 16)}`;
    rows.push({
      id: newId("usr", now.getTime() - 400 * DAY_MS, rng.bytes(16)),
      email: login.email,
      nome: login.nome,
      senhaHash: await bcrypt.hash(login.senha, salt),
      papel: login.papel,
      imobiliariaId: base.agencyId,
      corretorId: login.papel === "corretor" ? firstActive.id : null,
      ativo: true,
      criadoEm: new Date(now.getTime() - 400 * DAY_MS),
    });
  }
  return rows;
}

export function buildIntegracoes(
  rng: Random,
  base: DemoBase,
  now: Date,
  lastDelivery: Map<string, Date>,
  key?: Buffer,
) {
  // The IV is random on purpose (GCM must never reuse one), so only these ciphertexts differ between runs.
  return DEMO_INTEGRACOES.map(
    (i) =>
      ({
        id: newId("int", now.getTime() - 300 * DAY_MS, rng.bytes(16)),
        imobiliariaId: base.agencyId,
        portal: i.portal,
        identificador: i.identificador,
        segredoCifrado: key ? encryptSecret(i.segredo, key) : encryptSecret(i.segredo),
        ativo: true,
        ultimaEntregaEm: lastDelivery.get(i.portal) ?? null,
        criadoEm: new Date(now.getTime() - 300 * DAY_MS),
      }) satisfies InferInsertModel<typeof integracoes>,
  );
}
