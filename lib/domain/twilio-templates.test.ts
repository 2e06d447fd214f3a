// Content template sids as an agency's settings and the env vars accept them: HX + 32 hex, known
// kinds only, a bad env value stops start-up naming the variable. No network involved.
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { envError } from "@/lib/testing/env-error";
import { configuracoesImobiliariaSchema, parseConfiguracoes } from "./configuracoes-imobiliaria";
import { contentSidEnvVar } from "./twilio-templates";

const sid = (c: string) => `HX${c.repeat(32)}`;

describe("agency settings (configuracoes.twilioTemplates)", () => {
  it("accepts sids per kind and keeps the other settings' defaults", () => {
    const config = parseConfiguracoes({ twilioTemplates: { alerta: { foraDaJanela: sid("a"), comBotoes: sid("B") } } });
    expect(config.twilioTemplates).toEqual({ alerta: { foraDaJanela: sid("a"), comBotoes: sid("B") } });
    expect(config.scoreQuente).toBe(70);
    expect(parseConfiguracoes({}).twilioTemplates).toBeUndefined();
  });

  it.each([
    ["a sid that is not HX + 32 hex", { alerta: { foraDaJanela: "HX123" } }, "twilioTemplates.alerta.foraDaJanela"],
    ["a message kind that does not exist", { alertas: { foraDaJanela: sid("a") } }, "twilioTemplates"],
    ["a variant that does not exist", { alerta: { botoes: sid("a") } }, "twilioTemplates.alerta"],
  ])("refuses %s", (_name, twilioTemplates, path) => {
    const result = configuracoesImobiliariaSchema.safeParse({ twilioTemplates });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toContain(path);
  });
});

describe("env (TWILIO_CONTENT_SID_*)", () => {
  it("names one variable per kind, and _BOTOES for the quick-reply variant", () => {
    expect(contentSidEnvVar("alerta", "foraDaJanela")).toBe("TWILIO_CONTENT_SID_ALERTA");
    expect(contentSidEnvVar("lembrete", "comBotoes")).toBe("TWILIO_CONTENT_SID_LEMBRETE_BOTOES");
    expect(contentSidEnvVar("resumo_semanal", "foraDaJanela")).toBe("TWILIO_CONTENT_SID_RESUMO_SEMANAL");
  });

  it("reads the sids per kind; an empty value counts as unset", () => {
    const env = parseEnv({
      TWILIO_CONTENT_SID_ALERTA: sid("a"),
      TWILIO_CONTENT_SID_ALERTA_BOTOES: ` ${sid("b")} `,
      TWILIO_CONTENT_SID_RESUMO: sid("c"),
      TWILIO_CONTENT_SID_LEMBRETE: "",
    });
    expect(env.twilioTemplates).toEqual({
      alerta: { foraDaJanela: sid("a"), comBotoes: sid("b") },
      resumo: { foraDaJanela: sid("c") },
    });
    expect(parseEnv({}).twilioTemplates).toEqual({});
  });

  it("stops start-up naming each malformed variable, alongside the other env errors", () => {
    const err = envError({
      TWILIO_CONTENT_SID_ALERTA_BOTOES: "HXnothex",
      TWILIO_CONTENT_SID_RESUMO: "MG" + "0".repeat(32),
      PORT: "0",
    });
    expect(err.message).toMatch(/TWILIO_CONTENT_SID_ALERTA_BOTOES: deve ser um Content SID da Twilio/);
    expect(err.message).toMatch(/TWILIO_CONTENT_SID_RESUMO: deve ser um Content SID/);
    expect(err.message).toMatch(/PORT/);
  });
});
