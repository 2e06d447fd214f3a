// The admins' messages about a portal that went quiet and about its return: what stopped, since
// when, what is usual for it, and where to look. Times are the agency's, never the server's.
import { bold, diaCurto, horaCurta } from "@/lib/whatsapp/text/compose";
import { duracaoTexto } from "./compose-resumo-semanal";

const quando = (at: Date, timezone: string) => `${diaCurto(at, timezone)} às ${horaCurta(at, timezone)}`;
const minutos = (ms: number) => ms / 60_000;

export type PortalSilencioInput = {
  portal: string;
  ultimaEntregaEm: Date;
  agora: Date;
  maiorIntervaloMs: number;
  timezone: string;
};

export function composePortalSilencioso(i: PortalSilencioInput, nome: string): string {
  return [
    `⚠️ ${bold(`${i.portal} parou de enviar leads`)}`,
    `Olá, ${nome}. A última entrega do ${i.portal} foi em ${quando(i.ultimaEntregaEm, i.timezone)} (há ${duracaoTexto(minutos(i.agora.getTime() - i.ultimaEntregaEm.getTime()))}).`,
    `Nos 14 dias anteriores ele entregou todos os dias, com no máximo ${duracaoTexto(minutos(i.maiorIntervaloMs))} entre uma entrega e outra.`,
    "",
    "Confira no painel do portal se os anúncios e a integração estão ativos, e use “Enviar lead de teste” em Configurações → Integrações do Lastro.",
  ].join("\n");
}

export type PortalVoltouInput = { portal: string; ultimaEntregaEm: Date; retomadaEm: Date; timezone: string };

export function composePortalVoltou(i: PortalVoltouInput, nome: string): string {
  const pausa = duracaoTexto(minutos(i.retomadaEm.getTime() - i.ultimaEntregaEm.getTime()));
  return [
    `✅ ${bold(`${i.portal} voltou a entregar leads`)}`,
    `Olá, ${nome}. Nova entrega em ${quando(i.retomadaEm, i.timezone)}, depois de ${pausa} sem entregas.`,
  ].join("\n");
}
