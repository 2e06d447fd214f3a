// Brokers written directly, as a test's setup: production creates them through the demo seed and
// `npm run setup` (bulk inserts); the dashboard's "add a broker" is issue #19.
import { parsePreferencias } from "@/lib/domain/preferencias";
import { newId } from "@/lib/ids";
import type { Db } from "../client";
import { novoCorretorSchema, toCorretor, type Corretor, type NovoCorretor } from "../queries/corretores";
import { corretores } from "../schema";

export async function insertCorretor(db: Db, input: NovoCorretor): Promise<Corretor> {
  const data = novoCorretorSchema.parse(input);
  const [row] = await db
    .insert(corretores)
    .values({
      ...data,
      id: data.id ?? newId("cor"),
      preferencias: parsePreferencias(data.preferencias),
    })
    .returning();
  return toCorretor(row!);
}
