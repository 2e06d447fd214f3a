// The only reader of process.env. Parsed once with zod; a missing optional part selects
// the embedded default, a malformed value stops start-up naming the variable.
import path from "node:path";
import { z } from "zod";
import {
  contentSidEnvVar,
  contentSidSchema,
  TEMPLATE_TIPOS,
  TEMPLATE_VARIANTES,
  type TwilioTemplates,
} from "@/lib/domain/twilio-templates";
import { E164_PATTERN } from "@/lib/phone/e164";

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess(emptyToUndefined, schema.optional());

// Twilio takes the sender as "whatsapp:+55…" or bare E.164; either way the number is the shared pattern.
const twilioWhatsAppFrom = new RegExp(`^(whatsapp:)?${E164_PATTERN.source.slice(1)}`);

const postgresUrl = z.string().regex(/^postgres(ql)?:\/\/.+/, "deve ser uma URL postgres:// ou postgresql://");

const encryptionKey = z
  .string()
  .refine(
    (v) => /^[0-9a-fA-F]{64}$/.test(v) || Buffer.from(v, "base64").length === 32,
    "deve ter 32 bytes: 64 caracteres hexadecimais ou base64 de 32 bytes",
  );

// Heroku/Render's name for "how many web processes"; 16 is far past any core count we deploy on.
const WEB_CONCURRENCY_MESSAGE = "deve ser um número inteiro de 1 a 16";
const webConcurrency = z.coerce
  .number({ message: WEB_CONCURRENCY_MESSAGE })
  .int({ message: WEB_CONCURRENCY_MESSAGE })
  .min(1, { message: WEB_CONCURRENCY_MESSAGE })
  .max(16, { message: WEB_CONCURRENCY_MESSAGE });

// Reverse proxies (nginx, a load balancer) between the internet and `npm start`; 5 is past any real chain.
const PROXY_HOPS_MESSAGE = "deve ser um número inteiro de 0 a 5";
const proxyHops = z.coerce
  .number({ message: PROXY_HOPS_MESSAGE })
  .int({ message: PROXY_HOPS_MESSAGE })
  .min(0, { message: PROXY_HOPS_MESSAGE })
  .max(5, { message: PROXY_HOPS_MESSAGE });

const rawSchema = z.object({
  NODE_ENV: optional(z.enum(["development", "production", "test"])),
  PORT: optional(z.coerce.number().int().min(1).max(65535)),
  DATA_DIR: optional(z.string()),
  LOG_LEVEL: optional(z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])),
  DATABASE_URL: optional(postgresUrl),
  DATABASE_DRIVER: optional(z.enum(["pglite", "postgres", "neon"])),
  REDIS_URL: optional(z.string().regex(/^rediss?:\/\/.+/, "deve ser uma URL redis:// ou rediss://")),
  KV_REST_API_URL: optional(z.url({ message: "deve ser uma URL http(s)" })),
  KV_REST_API_TOKEN: optional(z.string()),
  TWILIO_ACCOUNT_SID: optional(
    z.string().regex(/^AC[0-9a-fA-F]{32}$/, "deve começar com AC seguido de 32 hexadecimais"),
  ),
  TWILIO_AUTH_TOKEN: optional(z.string().min(8, "token curto demais")),
  TWILIO_WHATSAPP_FROM: optional(
    z.string().regex(twilioWhatsAppFrom, "deve estar em E.164, ex.: whatsapp:+5511999990000"),
  ),
  /** Twilio's API base (default https://api.twilio.com): a proxy, or the reliability suite's local fake. */
  TWILIO_API_URL: optional(z.url({ message: "deve ser uma URL http(s)", protocol: /^https?$/ })),
  OPENAI_API_KEY: optional(z.string().min(10, "chave curta demais")),
  OPENAI_MODEL: optional(z.string().min(1).max(100)),
  OPENAI_BASE_URL: optional(z.url({ message: "deve ser uma URL http(s)" })),
  OPENAI_TIMEOUT_MS: optional(z.coerce.number().int().min(500).max(60_000)),
  // The seed's account allows 3,000 requests a minute; each process keeps under this.
  OPENAI_MAX_RPM: optional(z.coerce.number().int().min(1).max(3000)),
  INNGEST_EVENT_KEY: optional(z.string()),
  INNGEST_SIGNING_KEY: optional(z.string()),
  INNGEST_DEV: optional(z.string()),
  // A self-hosted Inngest server (docker-compose.yml's "inngest" profile); unset → Inngest Cloud.
  INNGEST_BASE_URL: optional(z.url({ protocol: /^https?$/, message: "deve ser uma URL http(s)" })),
  PIPELINE_MODE: optional(z.enum(["embutido", "worker"], { message: "deve ser embutido ou worker" })),
  WEB_CONCURRENCY: optional(webConcurrency),
  AUTH_SECRET: optional(z.string().min(16, "deve ter pelo menos 16 caracteres")),
  ENCRYPTION_KEY: optional(encryptionKey),
  PUBLIC_BASE_URL: optional(z.url({ message: "deve ser uma URL http(s)" })),
  TRUSTED_PROXY_HOPS: optional(proxyHops),
  // Set by Vercel on its builds and functions: no disk that lasts, no process that stays (docs/deploy.md).
  VERCEL: optional(z.string()),
  DEMO: optional(z.enum(["true", "false", "1", "0"], { message: "deve ser true ou false" })),
});

export type RawEnv = z.infer<typeof rawSchema>;

export class EnvError extends Error {
  constructor(public readonly issues: string[]) {
    super(`Configuração inválida:\n${issues.map((i) => `  - ${i}`).join("\n")}`);
    this.name = "EnvError";
  }
}

function requireTogether(raw: RawEnv, names: (keyof RawEnv)[], issues: string[]) {
  const present = names.filter((n) => raw[n] !== undefined);
  if (present.length > 0 && present.length < names.length) {
    const missing = names.filter((n) => raw[n] === undefined);
    issues.push(`${missing.join(", ")}: obrigatória(s) quando ${present.join(", ")} está definida`);
  }
}

/** TWILIO_CONTENT_SID_<TIPO>[_BOTOES], one per message kind and variant (lib/domain/twilio-templates.ts). */
function parseContentSids(source: Record<string, string | undefined>, issues: string[]): TwilioTemplates {
  const templates: TwilioTemplates = {};
  for (const tipo of TEMPLATE_TIPOS) {
    for (const variante of TEMPLATE_VARIANTES) {
      const name = contentSidEnvVar(tipo, variante);
      const value = emptyToUndefined(source[name]);
      if (value === undefined) continue;
      const parsed = contentSidSchema.safeParse(value);
      if (parsed.success) templates[tipo] = { ...templates[tipo], [variante]: parsed.data };
      else issues.push(`${name}: ${parsed.error.issues[0]?.message ?? "valor inválido"}`);
    }
  }
  return templates;
}

function isNeonUrl(url: string): boolean {
  try {
    return new URL(url).hostname.endsWith(".neon.tech");
  } catch {
    return false;
  }
}

/**
 * On Vercel every function instance has its own short-lived disk and memory: a key generated into
 * DATA_DIR would differ per instance (sessions and stored secrets unreadable), PGlite and the
 * in-memory KV would be per instance, and no process stays up to run the in-process pipeline.
 */
function requireOnServerless(raw: z.infer<typeof rawSchema>, issues: string[]): void {
  const missing = (name: string, why: string) => issues.push(`${name}: obrigatória na Vercel (${why})`);
  if (!raw.DATABASE_URL) missing("DATABASE_URL", "o banco embutido não persiste entre execuções");
  if (!raw.KV_REST_API_URL && !raw.REDIS_URL) missing("KV_REST_API_URL", "o KV em memória é de cada instância");
  if (!raw.AUTH_SECRET) missing("AUTH_SECRET", "cada instância geraria a sua e as sessões cairiam");
  if (!raw.ENCRYPTION_KEY) missing("ENCRYPTION_KEY", "cada instância geraria a sua e os segredos ficariam ilegíveis");
  if (!raw.INNGEST_EVENT_KEY) missing("INNGEST_EVENT_KEY", "sem processo contínuo, o pipeline roda no Inngest");
  if (!raw.PUBLIC_BASE_URL) missing("PUBLIC_BASE_URL", "o Twilio assina as requisições para a URL pública");
}

export function parseEnv(source: Record<string, string | undefined>) {
  const issues: string[] = [];
  const twilioTemplates = parseContentSids(source, issues);
  const result = rawSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError([...result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`), ...issues]);
  }
  const raw = result.data;
  requireTogether(raw, ["KV_REST_API_URL", "KV_REST_API_TOKEN"], issues);
  requireTogether(raw, ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_WHATSAPP_FROM"], issues);
  if (raw.DATABASE_DRIVER && raw.DATABASE_DRIVER !== "pglite" && !raw.DATABASE_URL) {
    issues.push(`DATABASE_URL: obrigatória quando DATABASE_DRIVER=${raw.DATABASE_DRIVER}`);
  }
  if (raw.INNGEST_EVENT_KEY && !raw.INNGEST_SIGNING_KEY && !raw.INNGEST_DEV) {
    issues.push("INNGEST_SIGNING_KEY: obrigatória quando INNGEST_EVENT_KEY está definida (ou defina INNGEST_DEV=1)");
  }
  const dbDriver =
    raw.DATABASE_DRIVER ?? (!raw.DATABASE_URL ? "pglite" : isNeonUrl(raw.DATABASE_URL) ? "neon" : "postgres");
  if (raw.WEB_CONCURRENCY && raw.WEB_CONCURRENCY > 1 && dbDriver === "pglite") {
    // PGlite opens its data folder in one process only; a second web process would fail or corrupt it.
    issues.push(
      `WEB_CONCURRENCY: com o banco embutido (PGlite) só é possível 1 processo web; ` +
        `defina DATABASE_URL (Postgres) para usar ${raw.WEB_CONCURRENCY} ou remova WEB_CONCURRENCY`,
    );
  }
  if (raw.WEB_CONCURRENCY && raw.WEB_CONCURRENCY > 1 && !raw.REDIS_URL && !raw.KV_REST_API_URL) {
    // An in-memory KV is each process's own: the daily message quota and the login lockout would
    // count per process, letting a broker get N times their limit.
    issues.push(
      `WEB_CONCURRENCY: com ${raw.WEB_CONCURRENCY} processos web o KV precisa ser compartilhado; defina REDIS_URL ou KV_REST_API_URL`,
    );
  }
  if (raw.VERCEL) requireOnServerless(raw, issues);
  if (issues.length > 0) throw new EnvError(issues);

  const dataDir = path.resolve(/* turbopackIgnore: true */ raw.DATA_DIR ?? ".data");
  const kvDriver = raw.REDIS_URL ? "redis" : raw.KV_REST_API_URL ? "vercel-kv" : "memory";

  return {
    nodeEnv: raw.NODE_ENV ?? "development",
    port: raw.PORT ?? 3000,
    dataDir,
    logLevel: raw.LOG_LEVEL ?? (raw.NODE_ENV === "test" ? "warn" : "info"),
    database: { driver: dbDriver, url: raw.DATABASE_URL, pgliteDir: path.join(dataDir, "pglite") },
    kv: {
      driver: kvDriver,
      redisUrl: raw.REDIS_URL,
      restUrl: raw.KV_REST_API_URL,
      restToken: raw.KV_REST_API_TOKEN,
    },
    twilio: raw.TWILIO_ACCOUNT_SID
      ? {
          accountSid: raw.TWILIO_ACCOUNT_SID,
          authToken: raw.TWILIO_AUTH_TOKEN!,
          whatsappFrom: raw.TWILIO_WHATSAPP_FROM!.startsWith("whatsapp:")
            ? raw.TWILIO_WHATSAPP_FROM!
            : `whatsapp:${raw.TWILIO_WHATSAPP_FROM!}`,
          apiUrl: raw.TWILIO_API_URL ?? null,
        }
      : null,
    /** Content template sids per message kind; an agency's `configuracoes.twilioTemplates` wins over these. */
    twilioTemplates,
    /** The model layer (lib/llm); null = the deterministic rules engine writes and reads everything. */
    llm: raw.OPENAI_API_KEY
      ? {
          apiKey: raw.OPENAI_API_KEY,
          model: raw.OPENAI_MODEL ?? "gpt-4o-mini",
          baseUrl: raw.OPENAI_BASE_URL ?? null,
          timeoutMs: raw.OPENAI_TIMEOUT_MS ?? 8_000,
          maxRpm: raw.OPENAI_MAX_RPM ?? 2_500,
        }
      : null,
    inngest:
      raw.INNGEST_EVENT_KEY || raw.INNGEST_DEV
        ? {
            eventKey: raw.INNGEST_EVENT_KEY,
            signingKey: raw.INNGEST_SIGNING_KEY,
            dev: Boolean(raw.INNGEST_DEV),
            baseUrl: raw.INNGEST_BASE_URL,
          }
        : null,
    /** Without Inngest: the pipeline runs in the web process ("embutido") or in `npm run worker`. */
    pipelineMode: raw.PIPELINE_MODE ?? "embutido",
    /** How many web processes (scripts/web-server.mjs) `npm start` runs on the one port (scripts/lib/serve-cluster.ts). */
    webConcurrency: raw.WEB_CONCURRENCY ?? 1,
    authSecret: raw.AUTH_SECRET ?? null,
    encryptionKey: raw.ENCRYPTION_KEY ?? null,
    publicBaseUrl: raw.PUBLIC_BASE_URL ?? `http://localhost:${raw.PORT ?? 3000}`,
    /** Reverse proxies in front of the web process that append to X-Forwarded-For (lib/auth/client-ip.ts). */
    trustedProxyHops: raw.TRUSTED_PROXY_HOPS ?? 0,
    /** DEMO=true/false; null (unset) seeds the demo only on the zero-config embedded database. */
    demo: raw.DEMO === undefined ? null : raw.DEMO === "true" || raw.DEMO === "1",
  } as const;
}

export type Env = ReturnType<typeof parseEnv>;
export type DbDriver = Env["database"]["driver"];
export type KvDriver = Env["kv"]["driver"];

function loadEnv(): Env {
  try {
    return parseEnv(process.env);
  } catch (err) {
    if (err instanceof EnvError) {
      // The logger depends on env, so this one message goes straight to stderr.
      process.stderr.write(`\n${err.message}\n\n`);
    }
    throw err;
  }
}

export const env: Env = loadEnv();
export type PipelineMode = Env["pipelineMode"];
