// An admin's change to the agency's settings (/configuracoes): validated with a pt-BR message per
// field, written with its audit row (before → after, codes and numbers only) in one transaction, and
// the agency memo dropped after the commit so the next lead is scored and routed with the new values.
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { insertAuditoria } from "@/lib/db/queries/auditoria";
import { listCorretores } from "@/lib/db/queries/corretores";
import {
  forgetImobiliariasRecentes,
  lockImobiliariaForUpdate,
  setImobiliariaAjustes,
  setPesoRoleta,
  type Imobiliaria,
} from "@/lib/db/queries/imobiliarias";
import { parseConfiguracoes, ROTEAMENTOS, type ConfiguracoesImobiliaria } from "@/lib/domain/configuracoes-imobiliaria";
import {
  contentSidSchema,
  TEMPLATE_TIPOS,
  TEMPLATE_VARIANTES,
  type TwilioTemplates,
} from "@/lib/domain/twilio-templates";
import { isTimeZone } from "@/lib/time/time-zones";

export const ACAO_CONFIGURACOES = "imobiliaria.configuracoes";

const inteiro = (min: number, max: number, texto: string) =>
  z.number({ error: "Informe um número." }).int("Use um número inteiro.").min(min, texto).max(max, texto);
const hora = z
  .string()
  .trim()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d)?$/, "Use HH:MM, de 00:00 a 23:59, ou deixe em branco.");

/** "1, 3, 7, 15" → [1, 3, 7, 15]: ascending, no repeats. */
const cadencia = z
  .string()
  .trim()
  .min(1, "Informe ao menos um dia, ex.: 1, 3, 7.")
  .regex(/^\d{1,2}(\s*[,;]\s*\d{1,2})*$/, "Use números separados por vírgula, ex.: 1, 3, 7, 15.")
  .transform((s) => [...new Set(s.split(/[,;]/).map((d) => Number(d.trim())))].sort((a, b) => a - b))
  .refine((dias) => dias.every((d) => d >= 1 && d <= 90), "Cada dia de 1 a 90.")
  .refine((dias) => dias.length <= 10, "No máximo 10 dias.");

/** "alerta.foraDaJanela" → a Content SID or "" (none: the env var, if any, is used). */
const templatesSchema = z.record(
  z.string(),
  z
    .string()
    .trim()
    .pipe(z.union([z.literal(""), contentSidSchema])),
);

export const ajustesImobiliariaFormSchema = z
  .object({
    nome: z.string().trim().min(2, "Pelo menos 2 caracteres.").max(200, "No máximo 200 caracteres."),
    timezone: z.string().refine(isTimeZone, "Escolha um fuso horário da lista."),
    scoreQuente: inteiro(1, 100, "De 1 a 100."),
    scoreMorno: inteiro(0, 99, "De 0 a 99."),
    roteamento: z.enum(ROTEAMENTOS, { error: "Escolha uma opção." }),
    corretorFixoId: z.string().trim().max(50).nullable(),
    pesosRoleta: z.record(z.string(), inteiro(0, 10, "De 0 a 10.")),
    limiteDiarioPadrao: inteiro(1, 50, "De 1 a 50 mensagens por dia."),
    janelaMinutos: inteiro(1, 24 * 60, "De 1 a 1440 minutos."),
    tamanhoMaximo: inteiro(2, 50, "De 2 a 50 leads."),
    slaMinutos: inteiro(1, 24 * 60, "De 1 a 1440 minutos."),
    slaRedistribuir: z.boolean().default(false),
    followUpDias: cadencia,
    resumoDiarioHora: hora,
    resumoSemanalHora: hora,
    templates: templatesSchema,
    limiteMensalIaUsd: z
      .string()
      .trim()
      .regex(/^(\d{1,6}([.,]\d{1,2})?)?$/, "Um valor em dólares, como 20 ou 20,50, ou deixe em branco.")
      .default(""),
    retencaoMeses: inteiro(6, 120, "De 6 a 120 meses.").optional(),
  })
  .refine((a) => a.scoreMorno < a.scoreQuente, {
    path: ["scoreMorno"],
    message: "O limite de morno deve ser menor que o de quente.",
  })
  .refine((a) => a.roteamento !== "fixo" || Boolean(a.corretorFixoId), {
    path: ["corretorFixoId"],
    message: "Escolha o corretor que recebe todos os leads.",
  });
export type AjustesImobiliariaForm = z.input<typeof ajustesImobiliariaFormSchema>;

export type AtualizarResult =
  { kind: "feito"; imobiliaria: Imobiliaria; campos: string[] } | { kind: "invalido"; erros: Record<string, string> };

type Valores = Record<string, string | number | boolean | null>;

// One scalar per setting, so the audit row says exactly what moved; no names, phones or e-mails.
function resumo(i: Pick<Imobiliaria, "nome" | "timezone">, c: ConfiguracoesImobiliaria): Valores {
  const v: Valores = {
    nome: i.nome,
    timezone: i.timezone,
    roteamento: c.roteamento,
    corretorFixoId: c.roteamento === "fixo" ? c.corretorFixoId : null,
    scoreQuente: c.scoreQuente,
    scoreMorno: c.scoreMorno,
    limiteDiarioPadrao: c.limiteDiarioPadrao,
    agrupamentoPadrao: `${c.agrupamentoPadrao.janelaMinutos}min/${c.agrupamentoPadrao.tamanhoMaximo}`,
    slaMinutos: c.slaMinutos,
    slaRedistribuir: c.slaRedistribuir,
    followUpDias: c.followUpDias.join(","),
    resumoDiarioHora: c.resumoDiarioHora,
    resumoSemanalHora: c.resumoSemanalHora,
    limiteMensalIaUsd: c.limiteMensalIaUsd,
    retencaoMeses: c.retencaoMeses,
  };
  for (const [id, peso] of Object.entries(c.pesosRoleta)) v[`pesoRoleta.${id}`] = peso;
  for (const tipo of TEMPLATE_TIPOS)
    for (const variante of TEMPLATE_VARIANTES)
      v[`template.${tipo}.${variante}`] = c.twilioTemplates?.[tipo]?.[variante] ?? null;
  return v;
}

function toTemplates(form: Record<string, string>): TwilioTemplates | undefined {
  const out: TwilioTemplates = {};
  for (const tipo of TEMPLATE_TIPOS)
    for (const variante of TEMPLATE_VARIANTES) {
      const sid = form[`${tipo}.${variante}`]?.trim();
      if (sid) out[tipo] = { ...out[tipo], [variante]: sid };
    }
  return Object.keys(out).length ? out : undefined;
}

function errosDe(error: z.ZodError): Record<string, string> {
  const erros: Record<string, string> = {};
  for (const issue of error.issues) erros[issue.path.map(String).join(".") || "form"] ??= issue.message;
  return erros;
}

export async function updateConfiguracoesImobiliaria(
  db: Db,
  actor: { imobiliariaId: string; usuarioId: string },
  input: AjustesImobiliariaForm,
): Promise<AtualizarResult> {
  const parsed = ajustesImobiliariaFormSchema.safeParse(input);
  if (!parsed.success) return { kind: "invalido", erros: errosDe(parsed.error) };
  const a = parsed.data;

  const result = await db.transaction(async (tx): Promise<AtualizarResult> => {
    const atual = await lockImobiliariaForUpdate(tx, actor.imobiliariaId);
    if (!atual) throw new Error(`imobiliária ${actor.imobiliariaId} não encontrada`);
    const corretores = await listCorretores(tx, atual.id);
    const daImobiliaria = new Map(corretores.map((c) => [c.id, c]));
    const erros: Record<string, string> = {};
    const fixo = a.roteamento === "fixo" ? daImobiliaria.get(a.corretorFixoId ?? "") : null;
    if (a.roteamento === "fixo" && (!fixo || fixo.ativo === false))
      erros.corretorFixoId = "Escolha um corretor ativo da imobiliária.";
    for (const id of Object.keys(a.pesosRoleta))
      if (!daImobiliaria.has(id)) erros[`pesosRoleta.${id}`] = "Corretor não encontrado. Recarregue a página.";
    if (Object.keys(erros).length) return { kind: "invalido", erros };

    const antes = atual.configuracoes;
    const configuracoes = parseConfiguracoes({
      ...antes,
      roteamento: a.roteamento,
      // The fixed broker is kept when another mode is chosen: switching back restores it.
      corretorFixoId: a.roteamento === "fixo" ? a.corretorFixoId : antes.corretorFixoId,
      scoreQuente: a.scoreQuente,
      scoreMorno: a.scoreMorno,
      limiteDiarioPadrao: a.limiteDiarioPadrao,
      agrupamentoPadrao: { janelaMinutos: a.janelaMinutos, tamanhoMaximo: a.tamanhoMaximo },
      slaMinutos: a.slaMinutos,
      slaRedistribuir: a.slaRedistribuir,
      followUpDias: a.followUpDias,
      resumoDiarioHora: a.resumoDiarioHora || null,
      resumoSemanalHora: a.resumoSemanalHora || null,
      twilioTemplates: toTemplates(a.templates),
      limiteMensalIaUsd: a.limiteMensalIaUsd ? Number(a.limiteMensalIaUsd.replace(",", ".")) : null,
      retencaoMeses: a.retencaoMeses ?? antes.retencaoMeses,
    });
    const de = resumo(atual, antes);
    let salva = await setImobiliariaAjustes(tx, atual.id, { nome: a.nome, timezone: a.timezone, configuracoes });
    // Weights go through the same locked writer as the broker page's, so both keep one rule.
    let pesosMudaram = false;
    for (const [id, peso] of Object.entries(a.pesosRoleta))
      if ((await setPesoRoleta(tx, atual.id, id, peso)) !== peso) pesosMudaram = true;
    if (pesosMudaram) salva = (await lockImobiliariaForUpdate(tx, atual.id))!;
    const para = resumo(salva, salva.configuracoes);
    // A weight never set reads as 1: saving the shown 1 is not a change.
    for (const k of Object.keys(para)) if (k.startsWith("pesoRoleta.") && !(k in de)) de[k] = 1;
    const campos = Object.keys(para).filter((k) => de[k] !== para[k]);
    if (campos.length === 0) return { kind: "feito", imobiliaria: salva, campos };
    const detalhes: Valores = { campos: campos.join(",").slice(0, 200) };
    for (const k of campos) {
      detalhes[`${k}.antes`] = de[k] ?? null;
      detalhes[`${k}.depois`] = para[k] ?? null;
    }
    await insertAuditoria(tx, {
      imobiliariaId: atual.id,
      usuarioId: actor.usuarioId,
      acao: ACAO_CONFIGURACOES,
      alvoTipo: "imobiliaria",
      alvoId: atual.id,
      detalhes,
    });
    return { kind: "feito", imobiliaria: salva, campos };
  });
  // After the commit: an event read between the write and the commit would remember the old settings.
  if (result.kind === "feito" && result.campos.length) forgetImobiliariasRecentes(db);
  return result;
}
