// `npm run setup`: creates a real agency, its first admin login and fresh portal credentials, then
// prints the webhook URLs and the secrets ONCE (only their ciphertext is stored). Asks for what the
// flags leave out when run on a terminal; for scripts, pass everything as flags:
//   npm run setup -- --imobiliaria "Nome" --slug nome --admin-email a@b.com --admin-senha "…" --portais grupo-olx,generico
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { formatError } from "./lib/format-error";
import { loadProjectEnv } from "./lib/load-env";

const USAGE = [
  "uso: npm run setup -- [--imobiliaria NOME] [--slug SLUG] [--cidade CIDADE] [--uf UF]",
  "                      [--admin-nome NOME] [--admin-email EMAIL] [--admin-senha SENHA] [--portais p1,p2]",
  "     portais: grupo-olx, chaves-na-mao, imovelweb, generico (padrão: todos)",
  "     sem terminal (script, CI), --imobiliaria, --admin-email e --admin-senha são obrigatórios",
].join("\n");

function parseFlags() {
  const text = { type: "string" } as const;
  const options = {
    imobiliaria: text,
    slug: text,
    cidade: text,
    uf: text,
    "admin-nome": text,
    "admin-email": text,
    "admin-senha": text,
    portais: text,
    help: { type: "boolean", short: "h" },
  } as const;
  try {
    return parseArgs({ options }).values;
  } catch (err) {
    throw new Error(`opção inválida (${err instanceof Error ? err.message : String(err)})\n${USAGE}`);
  }
}

type Flags = ReturnType<typeof parseFlags>;

async function askMissing(flags: Flags, suggestSlug: (nome: string) => string) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const ask = async (question: string, fallback?: string) => {
    const answer = (await rl.question(fallback ? `${question} [${fallback}]: ` : `${question}: `)).trim();
    return answer || fallback || "";
  };
  try {
    const imobiliaria = flags.imobiliaria ?? (await ask("Nome da imobiliária"));
    const slug =
      flags.slug ?? (await ask("Slug (aparece nas URLs dos webhooks)", suggestSlug(imobiliaria) || undefined));
    const adminNome = flags["admin-nome"] ?? (await ask("Nome do administrador", "Administrador"));
    const adminEmail = flags["admin-email"] ?? (await ask("E-mail do administrador (login)"));
    // Typed in the clear on purpose: readline cannot hide it. Leave empty to get a generated one.
    const adminSenha =
      flags["admin-senha"] ?? (await ask("Senha do administrador (mínimo 10 caracteres; vazio = gerar uma)"));
    const portais = flags.portais ?? (await ask("Portais", "grupo-olx,chaves-na-mao,imovelweb,generico"));
    return { imobiliaria, slug, adminNome, adminEmail, adminSenha, portais };
  } finally {
    rl.close();
  }
}

async function main(): Promise<void> {
  const flags = parseFlags();
  if (flags.help) {
    console.log(USAGE);
    return;
  }
  loadProjectEnv({ dev: false });
  const { randomBytes } = await import("node:crypto");
  const { env } = await import("@/lib/env");
  const { createDb } = await import("@/lib/db/client");
  const { migrateDb } = await import("@/lib/db/migrate");
  const { setupAgency, slugify, SetupError } = await import("@/lib/setup/setup-agency");
  const { describeDatabase } = await import("./lib/prepare-database");

  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  const answers = interactive
    ? await askMissing(flags, slugify)
    : {
        imobiliaria: flags.imobiliaria ?? "",
        slug: flags.slug ?? slugify(flags.imobiliaria ?? ""),
        adminNome: flags["admin-nome"],
        adminEmail: flags["admin-email"] ?? "",
        adminSenha: flags["admin-senha"] ?? "",
        portais: flags.portais ?? PORTAIS_PADRAO,
      };
  const generated = interactive && answers.adminSenha === "" ? randomBytes(12).toString("base64url") : null;

  const { driver, url, pgliteDir } = env.database;
  console.log(`▸ Banco: ${describeDatabase()}`);
  const handle = await createDb({ driver, url, pgliteDir });
  try {
    await migrateDb(handle);
    const result = await setupAgency(
      handle.db,
      {
        imobiliaria: answers.imobiliaria,
        slug: answers.slug,
        cidade: flags.cidade,
        uf: flags.uf,
        adminNome: answers.adminNome || undefined,
        adminEmail: answers.adminEmail,
        adminSenha: generated ?? answers.adminSenha,
        portais: answers.portais
          .split(",")
          .map((p) => p.trim())
          .filter(Boolean),
      },
      { publicBaseUrl: env.publicBaseUrl },
    );
    console.log(
      [
        "",
        `✔ Imobiliária criada: ${result.nome} (slug "${result.slug}", id ${result.imobiliariaId})`,
        "",
        `  Login do painel (admin): ${result.admin.email}${generated ? `  senha gerada: ${generated}` : "  (a senha que você informou)"}`,
        "",
        "  Webhooks dos portais. Os segredos aparecem SÓ AGORA (o banco guarda apenas a versão cifrada):",
        ...result.portais.flatMap((p) => [
          `    ${p.portal.padEnd(14)} ${p.url}`,
          `    ${"".padEnd(14)} ${p.identificador ? `identificador ${p.identificador}, ` : ""}segredo ${p.segredo}`,
          `    ${"".padEnd(14)} ${p.comoAutenticar}`,
        ]),
        "",
        `  URLs a partir de PUBLIC_BASE_URL (${env.publicBaseUrl}); cadastre cada uma no portal com o seu segredo.`,
        "  Próximo passo: npm start e entre no painel com esse login.",
        "",
      ].join("\n"),
    );
  } catch (err) {
    if (err instanceof SetupError) {
      console.error(`\n✖ ${err.message}\n\n${USAGE}`);
      process.exitCode = 2;
      return;
    }
    throw err;
  } finally {
    await handle.close();
  }
}

const PORTAIS_PADRAO = "grupo-olx,chaves-na-mao,imovelweb,generico";

main().catch((err: unknown) => {
  console.error(`\n✖ Falha na configuração: ${formatError(err)}`);
  process.exitCode = 1;
});
