import { describe, expect, it } from "vitest";
import type { ResumoGestorData } from "@/agents/analista/resumo-gestor/load-resumo-gestor";
import { composeResumoGestor } from "./compose-resumo-gestor";

const sp = (iso: string) => new Date(`${iso}-03:00`);
const nomes = (n: number, base: string) => Array.from({ length: n }, (_, i) => `${base} ${"Sobrenome".repeat(3)} ${i}`);

describe("composeResumoGestor", () => {
  it("a large agency's summary stays within WhatsApp's 1,600 characters, cut sections saying how many more", () => {
    const data: ResumoGestorData = {
      tipo: "semanal",
      periodo: { desde: sp("2026-03-09T00:00"), ate: sp("2026-03-16T00:00") },
      agora: sp("2026-03-16T08:00"),
      timezone: "America/Sao_Paulo",
      imobiliariaNome: "Imobiliária Grande",
      leads: 4200,
      porPortal: ["zap", "vivareal", "olx", "chavesnamao", "imovelweb", "site"].map((origem, i) => ({
        origem,
        leads: 700 - i,
      })),
      funil: [
        { etapa: "lead", leads: 4200, conversaoPct: null },
        { etapa: "contato", leads: 3000, conversaoPct: 71 },
        { etapa: "visita", leads: 600, conversaoPct: 20 },
        { etapa: "proposta", leads: 60, conversaoPct: 10 },
        { etapa: "fechado", leads: 12, conversaoPct: 20 },
      ],
      resposta: { medianaMin: 42, medidas: 3000 },
      ranking: nomes(80, "Corretor").map((nome, i) => ({ nome, medianaMin: 5 + i, medidas: 30 })),
      sla: nomes(80, "Corretor").map((nome) => ({ nome, leads: 3 })),
      aguardando: {
        total: 900,
        leads: nomes(5, "Lead").map((nome, i) => ({
          id: `l${i}`,
          nome,
          origem: "zap",
          corretorNome: "Corretor X",
          recebidoEm: sp("2026-03-10T09:00"),
        })),
      },
      reprimida: [],
      vazio: false,
    };
    const { corpo } = composeResumoGestor(data);
    expect(corpo.length).toBeLessThanOrEqual(1600);
    expect(corpo).toContain("Resumo da gestão — semana de 09/03 a 15/03");
    expect(corpo).toContain("Prazo de resposta estourado (240 leads)");
    expect(corpo).toMatch(/e mais \d+…/);
    expect(corpo.endsWith("Detalhes em Métricas, no painel do Lastro.")).toBe(true);
  });
});
