// `npm run setup`: a real agency with its first admin login and fresh portal credentials, in one
// transaction. The secrets are returned once (to be printed) and stored only as ciphertext.
import { hashPassword } from "@/lib/auth/password";
import { senhaSchema } from "@/lib/auth/senha-regras";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { getImobiliariaBySlug, insertImobiliaria } from "@/lib/db/queries/imobiliarias";
import { upsertIntegracao } from "@/lib/db/queries/integracoes";
import { getUsuarioByEmailWithHash, insertUsuario } from "@/lib/db/queries/usuarios";
import { PORTAIS, type Portal } from "@/lib/db/schema";
import { howToAuthenticate, newPortalSecret, portalWebhookUrl } from "./portal-credentials";

export const setupInputSchema = z.object({
  imobiliaria: z
    .string()
    .trim()
    .min(2, "nome da imobiliária: pelo menos 2 caracteres")
    .max(200, "nome da imobiliária: no máximo 200 caracteres"),
  slug: z
    .string()
    .trim()
    .min(2, "slug: pelo menos 2 caracteres")
    .max(80, "slug: no máximo 80 caracteres")
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "slug: use só letras minúsculas, números e hífens, ex.: imob-centro"),
  cidade: z.string().trim().min(1).max(120).optional(),
  uf: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "UF: 2 letras, ex.: SP")
    .optional(),
  adminNome: z.string().trim().min(1, "nome do administrador vazio").max(200).default("Administrador"),
  adminEmail: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email("e-mail do administrador inválido").max(200, "e-mail com mais de 200 caracteres")),
  adminSenha: senhaSchema("senha do administrador: "),
  portais: z
    .array(z.enum(PORTAIS, { message: `portal desconhecido; use ${PORTAIS.join(", ")}` }))
    .min(1, `informe ao menos um portal (${PORTAIS.join(", ")})`)
    .transform((list) => [...new Set(list)]),
});

/** Raw answers (flags or prompts): portals as typed, checked by setupInputSchema. */
export type SetupInput = Omit<z.input<typeof setupInputSchema>, "portais"> & { portais: string[] };

export type PortalSetup = {
  portal: Portal;
  url: string;
  identificador: string | null;
  segredo: string;
  /** How the portal (or curl) must authenticate, in pt-BR. */
  comoAutenticar: string;
};

export type SetupResult = {
  imobiliariaId: string;
  slug: string;
  nome: string;
  admin: { id: string; email: string; nome: string };
  portais: PortalSetup[];
};

/** A refusal the user can fix: the message is pt-BR and names the problem. */
export class SetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SetupError";
  }
}

/** "Imobiliária São João" → "imobiliaria-sao-joao": the suggested slug. */
export function slugify(nome: string): string {
  return nome
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
}

export function parseSetupInput(input: SetupInput): z.output<typeof setupInputSchema> {
  const parsed = setupInputSchema.safeParse(input);
  if (!parsed.success) throw new SetupError(parsed.error.issues.map((i) => i.message).join("; "));
  return parsed.data;
}

export type SetupDeps = {
  /** Base of the webhook URLs (env.publicBaseUrl). */
  publicBaseUrl: string;
  /** Key for the integration secrets (default: getEncryptionKey()). */
  encryptionKey?: Buffer;
  /** Source of the portal secrets (default: 24 random bytes, base64url). */
  newSecret?: () => string;
};

/**
 * Creates the agency, its admin and one credential per portal. Refuses (SetupError) bad input, a
 * slug or admin e-mail already taken; nothing is written then.
 */
export async function setupAgency(db: Db, input: SetupInput, deps: SetupDeps): Promise<SetupResult> {
  const data = parseSetupInput(input);
  const newSecret = deps.newSecret ?? newPortalSecret;
  if (await getImobiliariaBySlug(db, data.slug))
    throw new SetupError(`já existe uma imobiliária com o slug "${data.slug}"; escolha outro`);
  if (await getUsuarioByEmailWithHash(db, data.adminEmail))
    throw new SetupError(`o e-mail ${data.adminEmail} já tem um login; use outro`);
  const senhaHash = await hashPassword(data.adminSenha);
  try {
    return await db.transaction(async (tx) => {
      const imob = await insertImobiliaria(tx, {
        slug: data.slug,
        nome: data.imobiliaria,
        cidade: data.cidade,
        uf: data.uf,
      });
      const admin = await insertUsuario(tx, {
        email: data.adminEmail,
        nome: data.adminNome,
        senhaHash,
        papel: "admin",
        imobiliariaId: imob.id,
      });
      const portais: PortalSetup[] = [];
      for (const portal of data.portais) {
        // Chaves na Mão signs in with an e-mail: the admin's, until the agency changes it.
        const identificador = portal === "chaves-na-mao" ? data.adminEmail : null;
        const segredo = newSecret();
        await upsertIntegracao(tx, { imobiliariaId: imob.id, portal, identificador, segredo }, deps.encryptionKey);
        portais.push({
          portal,
          url: portalWebhookUrl(deps.publicBaseUrl, portal, imob.slug),
          identificador,
          segredo,
          comoAutenticar: howToAuthenticate(portal, identificador, segredo),
        });
      }
      return {
        imobiliariaId: imob.id,
        slug: imob.slug,
        nome: imob.nome,
        admin: { id: admin.id, email: admin.email, nome: admin.nome },
        portais,
      };
    });
  } catch (err) {
    // Another setup took the slug or the e-mail between our check and our insert.
    if (isUniqueViolation(err))
      throw new SetupError(`o slug "${data.slug}" ou o e-mail ${data.adminEmail} acabou de ser usado; tente de novo`);
    throw err;
  }
}
