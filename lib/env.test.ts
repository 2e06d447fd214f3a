// WEB_CONCURRENCY: how many web processes `npm start` runs. One by default (a single `next start`),
// a bad value or several processes on the embedded PGlite stop start-up naming the variable.
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { envError } from "@/lib/testing/env-error";

const POSTGRES = "postgres://lastro:senha@127.0.0.1:5432/lastro";
const REDIS = "redis://127.0.0.1:6379";

describe("WEB_CONCURRENCY", () => {
  it("defaults to one process; an empty value counts as unset", () => {
    expect(parseEnv({}).webConcurrency).toBe(1);
    expect(parseEnv({ WEB_CONCURRENCY: "" }).webConcurrency).toBe(1);
    expect(parseEnv({ WEB_CONCURRENCY: "1" }).webConcurrency).toBe(1);
  });

  it("accepts 2 to 16 processes on a real Postgres", () => {
    expect(parseEnv({ WEB_CONCURRENCY: "2", DATABASE_URL: POSTGRES, REDIS_URL: REDIS }).webConcurrency).toBe(2);
    expect(parseEnv({ WEB_CONCURRENCY: "16", DATABASE_URL: POSTGRES, REDIS_URL: REDIS }).webConcurrency).toBe(16);
  });

  it.each(["0", "17", "abc", "2.5", "-1"])("refuses %j naming the variable", (value) => {
    const err = envError({ WEB_CONCURRENCY: value, DATABASE_URL: POSTGRES, REDIS_URL: REDIS });
    expect(err.issues).toEqual(["WEB_CONCURRENCY: deve ser um número inteiro de 1 a 16"]);
  });

  it("refuses more than one process on the embedded PGlite, which one process owns", () => {
    const err = envError({ WEB_CONCURRENCY: "2", REDIS_URL: REDIS });
    expect(err.issues).toHaveLength(1);
    expect(err.message).toMatch(/WEB_CONCURRENCY: com o banco embutido \(PGlite\) só é possível 1 processo web/);
    expect(err.message).toMatch(/DATABASE_URL/);
    // Forcing the PGlite driver is the same single data folder, even with a DATABASE_URL.
    expect(
      envError({ WEB_CONCURRENCY: "2", DATABASE_URL: POSTGRES, DATABASE_DRIVER: "pglite", REDIS_URL: REDIS }).message,
    ).toMatch(/WEB_CONCURRENCY/);
    expect(parseEnv({ WEB_CONCURRENCY: "1" }).database.driver).toBe("pglite");
  });

  it("refuses more than one process without a shared KV, where each would keep its own quota counts", () => {
    const err = envError({ WEB_CONCURRENCY: "2", DATABASE_URL: POSTGRES });
    expect(err.issues).toEqual([
      "WEB_CONCURRENCY: com 2 processos web o KV precisa ser compartilhado; defina REDIS_URL ou KV_REST_API_URL",
    ]);
    expect(
      parseEnv({
        WEB_CONCURRENCY: "2",
        DATABASE_URL: POSTGRES,
        KV_REST_API_URL: "https://kv.example.com",
        KV_REST_API_TOKEN: "t0ken",
      }).webConcurrency,
    ).toBe(2);
  });
});

describe("TRUSTED_PROXY_HOPS", () => {
  it("defaults to none (the web process faces the internet) and reads a small whole number", () => {
    expect(parseEnv({}).trustedProxyHops).toBe(0);
    expect(parseEnv({ TRUSTED_PROXY_HOPS: "1" }).trustedProxyHops).toBe(1);
  });

  it.each(["-1", "6", "um", "1.5"])("refuses %j naming the variable", (value) => {
    expect(envError({ TRUSTED_PROXY_HOPS: value }).issues).toEqual([
      "TRUSTED_PROXY_HOPS: deve ser um número inteiro de 0 a 5",
    ]);
  });
});

describe("INNGEST_BASE_URL", () => {
  it("points the Inngest client at a self-hosted server (docker-compose.yml's inngest profile); empty counts as unset", () => {
    const keys = { INNGEST_EVENT_KEY: "ek", INNGEST_SIGNING_KEY: "0123abcd" };
    expect(parseEnv({ ...keys, INNGEST_BASE_URL: "http://inngest:8288" }).inngest?.baseUrl).toBe("http://inngest:8288");
    expect(parseEnv({ ...keys, INNGEST_BASE_URL: "" }).inngest?.baseUrl).toBeUndefined();
  });

  it("refuses a value that is not a URL, naming the variable", () => {
    expect(envError({ INNGEST_BASE_URL: "inngest:8288" }).issues).toEqual([
      "INNGEST_BASE_URL: deve ser uma URL http(s)",
    ]);
  });
});

describe("TWILIO_API_URL", () => {
  const twilio = {
    TWILIO_ACCOUNT_SID: `AC${"0".repeat(32)}`,
    TWILIO_AUTH_TOKEN: "token-1234",
    TWILIO_WHATSAPP_FROM: "+5511999990000",
  };

  it("is Twilio's own API unless set; a proxy or a local fake replaces it", () => {
    expect(parseEnv(twilio).twilio?.apiUrl).toBeNull();
    expect(parseEnv({ ...twilio, TWILIO_API_URL: "http://127.0.0.1:4010" }).twilio?.apiUrl).toBe(
      "http://127.0.0.1:4010",
    );
  });

  it("refuses a value that is not an http(s) URL, naming the variable", () => {
    expect(envError({ ...twilio, TWILIO_API_URL: "ftp://twilio" }).issues).toEqual([
      "TWILIO_API_URL: deve ser uma URL http(s)",
    ]);
  });
});

describe("on Vercel (VERCEL=1)", () => {
  const complete = {
    VERCEL: "1",
    DATABASE_URL: "postgres://lastro:senha@ep-exemplo.sa-east-1.aws.neon.tech/lastro",
    KV_REST_API_URL: "https://exemplo.upstash.io",
    KV_REST_API_TOKEN: "token-do-kv",
    AUTH_SECRET: "um-segredo-de-sessao-bem-comprido",
    ENCRYPTION_KEY: "a".repeat(64),
    INNGEST_EVENT_KEY: "ek",
    INNGEST_SIGNING_KEY: "signkey-prod-0123",
    PUBLIC_BASE_URL: "https://lastro.exemplo.com.br",
  };

  it("starts with every part a serverless instance cannot keep for itself", () => {
    const env = parseEnv(complete);
    expect(env.database.driver).toBe("neon");
    expect(env.kv.driver).toBe("vercel-kv");
  });

  it("refuses to start on local defaults, naming each missing variable and why", () => {
    const issues = envError({ VERCEL: "1" }).issues;
    expect(issues.map((i) => i.split(":")[0])).toEqual([
      "DATABASE_URL",
      "KV_REST_API_URL",
      "AUTH_SECRET",
      "ENCRYPTION_KEY",
      "INNGEST_EVENT_KEY",
      "PUBLIC_BASE_URL",
    ]);
    expect(issues[3]).toBe(
      "ENCRYPTION_KEY: obrigatória na Vercel (cada instância geraria a sua e os segredos ficariam ilegíveis)",
    );
  });
});
