// What /configuracoes shows: the agency's stored settings as the form's values, each broker with their
// roleta weight, and for every Twilio template field the env var's sid that applies when it is empty.
import type { Db } from "@/lib/db/client";
import { listCorretores } from "@/lib/db/queries/corretores";
import type { Imobiliaria } from "@/lib/db/queries/imobiliarias";
import { TEMPLATE_TIPOS, type TwilioTemplates } from "@/lib/domain/twilio-templates";
import { TIPO_MENSAGEM_ROTULO } from "./rotulos";

export async function loadConfiguracoes(
  db: Db,
  imobiliaria: Imobiliaria,
  envTemplates: TwilioTemplates,
  iaLigada = false,
) {
  const c = imobiliaria.configuracoes;
  const corretores = await listCorretores(db, imobiliaria.id);
  return {
    nome: imobiliaria.nome,
    timezone: imobiliaria.timezone,
    scoreQuente: c.scoreQuente,
    scoreMorno: c.scoreMorno,
    roteamento: c.roteamento,
    corretorFixoId: c.corretorFixoId,
    corretores: corretores.map((k) => ({
      id: k.id,
      nome: k.nome,
      ativo: k.ativo !== false,
      peso: c.pesosRoleta[k.id] ?? 1,
    })),
    limiteDiarioPadrao: c.limiteDiarioPadrao,
    janelaMinutos: c.agrupamentoPadrao.janelaMinutos,
    tamanhoMaximo: c.agrupamentoPadrao.tamanhoMaximo,
    slaMinutos: c.slaMinutos,
    slaRedistribuir: c.slaRedistribuir,
    followUpDias: c.followUpDias.join(", "),
    resumoDiarioHora: c.resumoDiarioHora ?? "",
    resumoSemanalHora: c.resumoSemanalHora ?? "",
    limiteMensalIaUsd: c.limiteMensalIaUsd === null ? "" : String(c.limiteMensalIaUsd).replace(".", ","),
    retencaoMeses: c.retencaoMeses,
    iaLigada,
    templates: TEMPLATE_TIPOS.map((tipo) => ({
      tipo,
      rotulo: TIPO_MENSAGEM_ROTULO[tipo],
      foraDaJanela: c.twilioTemplates?.[tipo]?.foraDaJanela ?? "",
      comBotoes: c.twilioTemplates?.[tipo]?.comBotoes ?? "",
      envForaDaJanela: envTemplates[tipo]?.foraDaJanela ?? null,
      envComBotoes: envTemplates[tipo]?.comBotoes ?? null,
    })),
  };
}
