// The admins' WhatsApp when an operator's incident opens and when it is resolved (pt-BR).
import {
  INCIDENTE_TITULO,
  SEVERIDADE_ROTULO,
  descreverIncidente,
  type IncidenteTexto,
} from "@/lib/domain/incidente-texto";
import { bold } from "@/lib/whatsapp/text/compose";

export function composeIncidenteAberto(inc: IncidenteTexto, nome: string, desde: string): string {
  return [
    `🚨 ${bold(`Lastro — incidente aberto (${SEVERIDADE_ROTULO[inc.severidade]})`)}`,
    `${nome}: ${INCIDENTE_TITULO[inc.tipo]} desde ${desde}.`,
    descreverIncidente(inc),
    "Acompanhe em Operação, no painel.",
  ].join("\n");
}

export function composeIncidenteResolvido(inc: IncidenteTexto, nome: string, desde: string, ate: string): string {
  return [
    `✅ ${bold("Lastro — incidente resolvido")}`,
    `${nome}: ${INCIDENTE_TITULO[inc.tipo]}, aberto em ${desde}, resolvido em ${ate}.`,
  ].join("\n");
}
