// The admins' messages about a portal that went quiet and about its return: what stopped, since
// when, what is usual for it, and where to look. Times are the agency's, never the server's. A model
// may say the opening in its own words (facts kept); what to check stays ours.
import { bold, diaCurto, horaCurta } from "@/lib/whatsapp/text/compose";
import type { MensagemGestao } from "./message-types";
import { duracaoTexto } from "./compose-resumo-semanal";
import { redacaoDoInicio } from "./redacao";

const quando = (at: Date, timezone: string) => `${diaCurto(at, timezone)} às ${horaCurta(at, timezone)}`;
const minutos = (ms: number) => ms / 60_000;

export type PortalSilencioInput = {
  portal: string;
  ultimaEntregaEm: Date;
  agora: Date;
  maiorIntervaloMs: number;
  timezone: string;
};

export function composePortalSilencioso(i: PortalSilencioInput, nome: string): MensagemGestao {
  const ha = duracaoTexto(minutos(i.agora.getTime() - i.ultimaEntregaEm.getTime()));
  const intervalo = duracaoTexto(minutos(i.maiorIntervaloMs));
  const head = [
    `⚠️ ${bold(`${i.portal} parou de enviar leads`)}`,
    `Olá, ${nome}. A última entrega do ${i.portal} foi em ${quando(i.ultimaEntregaEm, i.timezone)} (há ${ha}).`,
    `Nos 14 dias anteriores ele entregou todos os dias, com no máximo ${intervalo} entre uma entrega e outra.`,
  ].join("\n");
  // What to check stays ours, word for word: it names the dashboard's own buttons.
  const corpo = [
    head,
    "",
    "Confira no painel do portal se os anúncios e a integração estão ativos, e use “Enviar lead de teste” em Configurações → Integrações do Lastro.",
  ].join("\n");
  const dia = diaCurto(i.ultimaEntregaEm, i.timezone);
  const hora = horaCurta(i.ultimaEntregaEm, i.timezone);
  return {
    corpo,
    ...redacaoDoInicio("portal_silencioso", head, corpo, [nome, i.portal, dia, hora, ha, intervalo], {
      adminPrimeiroNome: nome,
      portal: i.portal,
      ultimaEntrega: quando(i.ultimaEntregaEm, i.timezone),
      semEntregasHa: ha,
      ritmo: `entregou todos os dias nos 14 dias anteriores, com no máximo ${intervalo} entre uma entrega e outra`,
    }),
  };
}

export type PortalVoltouInput = { portal: string; ultimaEntregaEm: Date; retomadaEm: Date; timezone: string };

export function composePortalVoltou(i: PortalVoltouInput, nome: string): MensagemGestao {
  const pausa = duracaoTexto(minutos(i.retomadaEm.getTime() - i.ultimaEntregaEm.getTime()));
  const corpo = [
    `✅ ${bold(`${i.portal} voltou a entregar leads`)}`,
    `Olá, ${nome}. Nova entrega em ${quando(i.retomadaEm, i.timezone)}, depois de ${pausa} sem entregas.`,
  ].join("\n");
  const fatos = [nome, i.portal, diaCurto(i.retomadaEm, i.timezone), horaCurta(i.retomadaEm, i.timezone), pausa];
  return {
    corpo,
    ...redacaoDoInicio("portal_voltou", corpo, corpo, fatos, {
      adminPrimeiroNome: nome,
      portal: i.portal,
      novaEntrega: quando(i.retomadaEm, i.timezone),
      pausa,
    }),
  };
}
