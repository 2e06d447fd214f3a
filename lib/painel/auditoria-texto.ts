// An audit row in words: what was done and, when the row says it, before → after. Rows hold codes
// and ids; this turns the codes a person knows into pt-BR and leaves an unknown one as it is.
import type { Auditoria } from "@/lib/db/queries/auditoria";
import { PORTAIS, type Portal } from "@/lib/db/schema";

export const PORTAL_ROTULO: Record<Portal, string> = {
  "grupo-olx": "Grupo OLX",
  "chaves-na-mao": "Chaves na Mão",
  imovelweb: "Imovelweb",
  generico: "Genérico (site, outros portais)",
};

const ACAO_ROTULO: Record<string, string> = {
  "integracao.segredo_trocado": "Credencial de portal trocada",
  "imobiliaria.configuracoes": "Configurações da imobiliária alteradas",
  "usuario.criado": "Login criado (senha provisória)",
  "usuario.senha_redefinida": "Senha redefinida pelo administrador (senha provisória)",
  "usuario.senha_trocada": "Senha trocada pelo próprio usuário",
  "usuario.ativo": "Login ativado ou desativado",
  "usuario.papel": "Papel do login mudado",
  "usuario.whatsapp": "WhatsApp do login alterado pelo próprio usuário",
  "corretor.criado": "Corretor adicionado",
  "retencao.executada": "Retenção de dados pessoais aplicada (LGPD)",
  "titular.exportado": "Dados de um titular exportados (LGPD)",
  "titular.apagado": "Dados de um titular apagados (LGPD)",
  "chave_api.criada": "Chave de API criada",
  "chave_api.revogada": "Chave de API revogada",
  "lead.opt_out": "Pessoa pediu para não ser contatada (LGPD)",
};

// The agency settings' audit keys (lib/setup/update-configuracoes.ts) as the form names them.
const CAMPO_ROTULO: Record<string, string> = {
  nome: "nome",
  timezone: "fuso horário",
  roteamento: "distribuição",
  corretorFixoId: "corretor fixo",
  scoreQuente: "quente a partir de",
  scoreMorno: "morno a partir de",
  limiteDiarioPadrao: "limite diário de um corretor novo",
  agrupamentoPadrao: "agrupamento padrão",
  slaMinutos: "prazo do primeiro contato (min)",
  slaRedistribuir: "redistribuir lead sem resposta",
  followUpDias: "follow-up (dias)",
  resumoDiarioHora: "resumo diário a partir de",
  resumoSemanalHora: "resumo semanal a partir de",
  limiteMensalIaUsd: "limite mensal da IA (US$)",
  retencaoMeses: "guardar dados pessoais (meses)",
};
const ROTEAMENTO_ROTULO: Record<string, string> = {
  dono_do_anuncio: "dono do imóvel",
  roleta: "roleta",
  fixo: "corretor fixo",
};

function campoRotulo(campo: string): string {
  if (campo.startsWith("pesoRoleta.")) return `peso na roleta (${campo.slice("pesoRoleta.".length)})`;
  const template = /^template\.(\w+)\.(foraDaJanela|comBotoes)$/.exec(campo);
  if (template)
    return `modelo Twilio ${template[1]} (${template[2] === "comBotoes" ? "com botões" : "fora da janela"})`;
  return CAMPO_ROTULO[campo] ?? campo;
}

export function acaoRotulo(acao: string): string {
  return ACAO_ROTULO[acao] ?? acao;
}

const portalOf = (v: unknown) => ((PORTAIS as readonly unknown[]).includes(v) ? PORTAL_ROTULO[v as Portal] : null);

const valor = (v: unknown) =>
  v === null || v === undefined || v === "" ? "—" : v === true ? "sim" : v === false ? "não" : String(v);

/** The row's "what" and its "before → after" (null when the row carries neither). */
export function describeAuditoria(row: Pick<Auditoria, "acao" | "detalhes">): { oque: string; mudanca: string | null } {
  const detalhes = row.detalhes ?? {};
  if (row.acao === "integracao.segredo_trocado") {
    const portal = portalOf(detalhes.portal) ?? valor(detalhes.portal);
    return {
      oque: `Credencial do portal ${portal} trocada`,
      mudanca: "segredo anterior → segredo novo (nenhum é guardado aqui)",
    };
  }
  if (row.acao === "usuario.whatsapp") {
    const numero = (tem: unknown) => (tem === true ? "com número" : "sem número");
    return {
      oque: acaoRotulo(row.acao),
      mudanca: `${numero(detalhes.tinhaNumero)} → ${numero(detalhes.temNumero)} (o número não é guardado aqui)`,
    };
  }
  if (row.acao === "retencao.executada") {
    return {
      oque: acaoRotulo(row.acao),
      mudanca:
        `corpos de entregas com mais de ${valor(detalhes.entregasDias)} dias apagados: ${valor(detalhes.corposEntrega)} · ` +
        `leads sem atividade há mais de ${valor(detalhes.meses)} meses anonimizados: ${valor(detalhes.leads)} · ` +
        `mensagens limpas: ${valor(detalhes.mensagens)}`,
    };
  }
  if (row.acao === "usuario.ativo") {
    return {
      oque: detalhes.depois === false ? "Login desativado" : "Login reativado",
      mudanca: `ativo: ${valor(detalhes.antes)} → ${valor(detalhes.depois)}`,
    };
  }
  // Several fields in one row: `campos` lists them, each with `<campo>.antes` and `<campo>.depois`.
  if (typeof detalhes.campos === "string" && detalhes.campos) {
    const mudancas = detalhes.campos.split(",").map((campo) => {
      const [antes, depois] = [detalhes[`${campo}.antes`], detalhes[`${campo}.depois`]].map((v) =>
        campo === "roteamento" && typeof v === "string" ? (ROTEAMENTO_ROTULO[v] ?? v) : v,
      );
      return `${campoRotulo(campo)}: ${valor(antes)} → ${valor(depois)}`;
    });
    return { oque: acaoRotulo(row.acao), mudanca: mudancas.join(" · ") };
  }
  if ("antes" in detalhes || "depois" in detalhes) {
    const campo = typeof detalhes.campo === "string" ? `${detalhes.campo}: ` : "";
    return { oque: acaoRotulo(row.acao), mudanca: `${campo}${valor(detalhes.antes)} → ${valor(detalhes.depois)}` };
  }
  const pares = Object.entries(detalhes).map(([k, v]) => `${k}: ${valor(v)}`);
  return { oque: acaoRotulo(row.acao), mudanca: pares.length ? pares.join(" · ") : null };
}
