// A demo lead's score, built from the same factors as the design's scoring table so the dashboard's
// "Por que 82?" has something true to show. The app's own scorer decides real leads.
import type { Urgencia } from "@/lib/db/schema";
import type { TipoLeadPortal } from "./catalog";

export type Temperatura = "Alta" | "Média" | "Baixa";
export type FatorScore = { fator: string; pontos: number; descricao: string };

const TEMPERATURA_PONTOS: Record<Temperatura, number> = { Alta: 30, "Média": 15, Baixa: 5 };

const TIPO_LEAD: Record<TipoLeadPortal, { pontos: number; descricao: string }> = {
  VISIT_REQUEST: { pontos: 25, descricao: "Pediu visita pelo portal" },
  CLICK_SCHEDULE: { pontos: 22, descricao: "Clicou em agendar visita" },
  CLICK_WHATSAPP: { pontos: 15, descricao: "Chamou pelo WhatsApp do anúncio" },
  CONTACT_CHAT: { pontos: 12, descricao: "Conversou pelo chat do portal" },
  CONTACT_FORM: { pontos: 10, descricao: "Preencheu o formulário de contato" },
  PHONE_VIEW: { pontos: 6, descricao: "Viu o telefone no anúncio" },
};

const INTENCOES = [
  { re: /\b(visita|visitar|agendar)\b/i, pontos: 10, descricao: "quer visitar" },
  { re: /(financiamento|fgts|à vista|proposta)/i, pontos: 8, descricao: "fala em pagamento" },
  { re: /\b(urgente|urgência|hoje|mudança|mudar)\b/i, pontos: 6, descricao: "tem pressa" },
];

export type ScoreInput = {
  temperatura: Temperatura | null;
  leadType: TipoLeadPortal;
  mensagem: string;
  temEmail: boolean;
  consultasAnteriores: number;
};

export function scoreDemoLead(input: ScoreInput): { score: number; fatores: FatorScore[] } {
  const fatores: FatorScore[] = [];
  if (input.temperatura) {
    fatores.push({ fator: "temperatura", pontos: TEMPERATURA_PONTOS[input.temperatura], descricao: `O portal classificou o lead como ${input.temperatura}` });
  } else {
    fatores.push({ fator: "temperatura", pontos: 10, descricao: "O portal não informou a temperatura" });
  }
  const tipo = TIPO_LEAD[input.leadType];
  fatores.push({ fator: "tipo_contato", pontos: tipo.pontos, descricao: tipo.descricao });
  const found = INTENCOES.filter((i) => i.re.test(input.mensagem));
  if (found.length > 0) {
    const pontos = Math.min(20, found.reduce((sum, i) => sum + i.pontos, 0));
    fatores.push({ fator: "intencao", pontos, descricao: `A mensagem mostra que ${found.map((i) => i.descricao).join(", ")}` });
  }
  fatores.push({ fator: "contato", pontos: 10, descricao: "Celular válido" });
  if (input.temEmail) fatores.push({ fator: "email", pontos: 3, descricao: "Informou e-mail" });
  if (input.consultasAnteriores > 0) {
    fatores.push({ fator: "recorrencia", pontos: Math.min(20, 10 * input.consultasAnteriores), descricao: "Voltou a procurar nos últimos 90 dias" });
  }
  const total = fatores.reduce((sum, f) => sum + f.pontos, 0);
  return { score: Math.max(0, Math.min(100, total)), fatores };
}

export function urgencyForScore(score: number): Urgencia {
  if (score >= 85) return "critica";
  if (score >= 70) return "alta";
  if (score >= 40) return "media";
  return "baixa";
}
