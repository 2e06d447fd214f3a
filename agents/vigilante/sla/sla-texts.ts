// What each SLA step records on the lead's timeline (the event's title and description, pt-BR) and
// the one-line reason its decision shows.
import { duracaoTexto } from "@/lib/painel/first-response";
import { formatDataHora } from "@/lib/time/format-data-hora";

type Base = { leadNome: string; corretorNome: string; slaMinutos: number; timezone: string };

export const SLA_TEXTS = {
  lembrete: (b: Base & { venceuEm: Date; ausente: "pausado" | "inativo" | null }) => ({
    titulo: `Prazo de resposta estourado: ${b.leadNome}`,
    descricao:
      `${b.corretorNome} não deu o primeiro retorno em ${b.slaMinutos} min do expediente ` +
      `(prazo venceu em ${formatDataHora(b.venceuEm, b.timezone)}). ` +
      (b.ausente === "pausado"
        ? "O corretor está em pausa: sem lembrete, a gestão é avisada já."
        : b.ausente === "inativo"
          ? "O corretor está inativo: sem lembrete, a gestão é avisada já."
          : "Lembrete enviado ao corretor pelo WhatsApp."),
    acao: "Responder o lead o quanto antes.",
    motivo: b.ausente ? "prazo estourado; corretor ausente, gestão avisada" : "prazo estourado; lembrete ao corretor",
  }),
  gestao: (b: Base & { esperaMinutos: number; avisados: number }) => ({
    titulo: `Gestão avisada: ${b.leadNome} sem resposta`,
    descricao:
      `${b.leadNome} espera há ${duracaoTexto(b.esperaMinutos)} pelo primeiro retorno de ${b.corretorNome}. ` +
      (b.avisados > 0
        ? `${b.avisados} ${b.avisados === 1 ? "gestor avisado" : "gestores avisados"} pelo WhatsApp.`
        : "Nenhum admin ou gestor tem WhatsApp cadastrado em Minha conta: ninguém foi avisado."),
    acao: "Falar com o corretor ou reatribuir o lead.",
    motivo:
      b.avisados > 0
        ? "prazo estourado de novo; gestão avisada"
        : "prazo estourado de novo; nenhum gestor com WhatsApp",
  }),
  redistribuido: (b: Base & { paraNome: string }) => ({
    titulo: `Lead redistribuído: ${b.leadNome}`,
    descricao: `${b.corretorNome} não respondeu em três prazos de ${b.slaMinutos} min: a roleta passou o lead para ${b.paraNome}, e os avisos pendentes a ${b.corretorNome} foram cancelados.`,
    acao: `${b.paraNome} deve responder o lead o quanto antes.`,
    motivo: `redistribuído pela roleta para ${b.paraNome}`,
  }),
  semOutroCorretor: (b: Base) => ({
    titulo: `Sem corretor para redistribuir: ${b.leadNome}`,
    descricao: `${b.corretorNome} não respondeu em três prazos de ${b.slaMinutos} min, mas não há outro corretor ativo na roleta: o lead continua com ${b.corretorNome}.`,
    acao: "Reatribuir o lead pelo painel.",
    motivo: "nenhum outro corretor ativo na roleta",
  }),
  /** On the old broker's cancelled messages. */
  cancelamento: (paraNome: string) => `Lead redistribuído para ${paraNome} (prazo de resposta estourado).`,
  /** The hand-over's timeline note. */
  nota: (de: string, para: string) =>
    `A roleta passou o lead de ${de} para ${para}: prazo de primeira resposta estourado.`,
};
