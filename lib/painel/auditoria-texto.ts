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
  "usuario.criado": "Login criado (senha provisória)",
  "usuario.senha_redefinida": "Senha redefinida pelo administrador (senha provisória)",
  "usuario.senha_trocada": "Senha trocada pelo próprio usuário",
  "usuario.ativo": "Login ativado ou desativado",
  "usuario.papel": "Papel do login mudado",
  "corretor.criado": "Corretor adicionado",
};

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
  if (row.acao === "usuario.ativo") {
    return {
      oque: detalhes.depois === false ? "Login desativado" : "Login reativado",
      mudanca: `ativo: ${valor(detalhes.antes)} → ${valor(detalhes.depois)}`,
    };
  }
  if ("antes" in detalhes || "depois" in detalhes) {
    const campo = typeof detalhes.campo === "string" ? `${detalhes.campo}: ` : "";
    return { oque: acaoRotulo(row.acao), mudanca: `${campo}${valor(detalhes.antes)} → ${valor(detalhes.depois)}` };
  }
  const pares = Object.entries(detalhes).map(([k, v]) => `${k}: ${valor(v)}`);
  return { oque: acaoRotulo(row.acao), mudanca: pares.length ? pares.join(" · ") : null };
}
