// The e2e server's second agency (e2e/support/segunda-imobiliaria.ts): created the way `npm run setup`
// creates one (setupAgency), with a known Grupo OLX secret instead of a random one, so a spec can show
// it refused after a rotation. Import after the env is loaded (lib/env reads process.env when first imported).
import { SEGUNDA_IMOBILIARIA as A } from "@/e2e/support/segunda-imobiliaria";
import { createDb } from "@/lib/db/client";
import { getImobiliariaBySlug } from "@/lib/db/queries/imobiliarias";
import { env } from "@/lib/env";
import { setupAgency } from "@/lib/setup/setup-agency";

/** Creates the agency once; run after the demo seed (which only seeds an empty database). */
export async function seedSegundaImobiliaria(): Promise<void> {
  const { driver, url, pgliteDir } = env.database;
  const handle = await createDb({ driver, url, pgliteDir });
  try {
    if (await getImobiliariaBySlug(handle.db, A.slug)) return;
    await setupAgency(
      handle.db,
      {
        imobiliaria: A.nome,
        slug: A.slug,
        adminNome: A.admin.nome,
        adminEmail: A.admin.email,
        adminSenha: A.admin.senha,
        portais: ["grupo-olx"],
      },
      { publicBaseUrl: env.publicBaseUrl, newSecret: () => A.segredoGrupoOlx },
    );
  } finally {
    await handle.close();
  }
}
