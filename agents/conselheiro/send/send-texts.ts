// What an admin reads in `mensagens.erro_mensagem` when a send did not simply succeed (pt-BR).
import type { MensagemTipo } from "@/lib/db/schema";
import { contentSidEnvVar } from "@/lib/domain/twilio-templates";
import { TIPO_MENSAGEM_ROTULO } from "@/lib/painel/rotulos";

export const SEND_TEXTS = {
  semTemplate: (tipo: MensagemTipo) =>
    `Fora da janela de 24 h do WhatsApp e sem template configurado para "${TIPO_MENSAGEM_ROTULO[tipo] ?? tipo}". ` +
    `Cadastre o template na Twilio e informe o Content SID em ${contentSidEnvVar(tipo, "foraDaJanela")} ` +
    `ou em twilioTemplates.${tipo}.foraDaJanela nas configurações da imobiliária. A mensagem não será reenviada automaticamente.`,
  templateRecusado: "Fora da janela de 24 h mesmo com template: o template foi recusado.",
  tentativasEsgotadas: (n: number, detalhe: string) => `Desistimos após ${n} tentativas: ${detalhe}`,
  semConfirmacao: (detalhe: string) =>
    `Sem resposta da Twilio (${detalhe}); a consulta não achou a mensagem, nova tentativa agendada.`,
  tentativaAnterior: "tentativa anterior sem confirmação",
  incertaConsultaFalhou: (envio: string, consulta: string) =>
    `Não sabemos se a mensagem saiu (${envio}) e a consulta à Twilio falhou (${consulta}). Confira antes de reenviar.`,
  incertaModelo: (detalhe: string) =>
    `Não sabemos se a mensagem saiu (${detalhe}), e uma mensagem de modelo não pode ser conferida pelo texto. Confira na Twilio antes de reenviar.`,
  limiteTaxa: "A Twilio limitou a taxa de envio (63018); nova tentativa agendada.",
} as const;
