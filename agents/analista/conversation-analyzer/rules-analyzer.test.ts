import { describe, expect, it } from "vitest";
import { INTENCOES, analiseSchema } from "@/lib/domain/analise-conversa";
import { LABELLED_MESSAGES } from "./labelled-messages";
import { accuracyReport } from "./measure-accuracy";
import { analyzeByRules, rulesAnalyzer } from "./rules-analyzer";

describe("rules ConversationAnalyzer on the labelled set", () => {
  it("has at least 60 messages covering every intent", () => {
    expect(LABELLED_MESSAGES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(LABELLED_MESSAGES.map((m) => m.intencao))).toEqual(new Set(INTENCOES));
  });

  it("reaches the measured accuracy and prints it", () => {
    const report = accuracyReport();
    process.stdout.write(`${report.text}\n`);
    expect(report.total.intent).toBeGreaterThanOrEqual(90);
    expect(report.total.sentiment).toBeGreaterThanOrEqual(85);
    // Measured 80 % / 84 % when first run: a floor, so a change that breaks unseen text fails.
    expect(report.separado.intent).toBeGreaterThanOrEqual(75);
    expect(report.separado.sentiment).toBeGreaterThanOrEqual(80);
  });
});

describe("rules ConversationAnalyzer", () => {
  it("reads slang, typos, CAPS and emojis the same as clean text", () => {
    expect(analyzeByRules("QRO VISITAR O APTO AMANHA!!! 😍")).toMatchObject({
      intencao: "visita",
      sentimento: "positivo",
    });
    expect(analyzeByRules("vc aceita finaciamento pfv?")).toMatchObject({ intencao: "financiamento" });
    expect(analyzeByRules("Não tenho mais interesse")).toMatchObject({
      intencao: "desistencia",
      sentimento: "negativo",
    });
    expect(analyzeByRules("nao tenho mais interesse")).toEqual(analyzeByRules("NÃO TENHO MAIS INTERESSE"));
  });

  it("matches whole words: a visitor or the view is no visit", () => {
    expect(analyzeByRules("Sou visitante da cidade").intencao).toBe("outro");
    expect(analyzeByRules("Adorei a vista para o mar").sinais).toEqual([]);
  });

  it("lists objections and lets the first one choose the next step", () => {
    const a = analyzeByRules("Gostei, mas é muito longe e o condomínio é caro");
    expect(a.objecoes).toEqual(["preco", "localizacao", "condicoes"]);
    expect(a.sentimento).toBe("negativo");
    expect(a.proximoPasso).toMatch(/orçamento/);
  });

  it("names each signal with the word that showed it, urgency included", () => {
    expect(analyzeByRules("Preciso visitar hoje, tenho FGTS").sinais).toEqual([
      { sinal: "visita", termo: "visitar" },
      { sinal: "financiamento", termo: "fgts" },
      { sinal: "urgencia", termo: "hoje" },
    ]);
  });

  it("returns a valid result through the async port, empty text included", async () => {
    const a = await rulesAnalyzer.analyze({ texto: "" });
    expect(analiseSchema.parse(a)).toEqual(a);
    expect(a).toMatchObject({ intencao: "outro", sentimento: "neutro", objecoes: [], motor: "regras-v1" });
  });
});
