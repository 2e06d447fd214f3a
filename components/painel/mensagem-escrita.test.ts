// Rendered on the server as the pages render them (react-dom/server): which engine wrote each message
// is on its card (/mensagens) and on its timeline item (the lead page).
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { Mensagem } from "@/lib/db/queries/mensagens";
import { buildLeadTimeline } from "@/lib/painel/lead-timeline";
import { LeadTimeline } from "./lead-timeline";
import { MensagemCard } from "./mensagem-card";

const TZ = "America/Sao_Paulo";
const mensagem = (over: Partial<Mensagem>): Mensagem =>
  ({
    id: "msg_1",
    imobiliariaId: "imob_1",
    corretorId: "cor_1",
    usuarioId: null,
    leadId: "lead_1",
    eventoId: null,
    eventoIds: [],
    tipo: "alerta",
    destino: "+5511912345678",
    corpo: "🔥 *Novo lead: Marina*",
    templateSid: null,
    templateVariaveis: null,
    botoes: [],
    status: "outbox",
    providerSid: "outbox_1",
    erroCodigo: null,
    erroMensagem: null,
    tentativas: 1,
    idempotencyKey: "k1",
    scheduledFor: null,
    sentAt: new Date("2026-03-10T12:00:00Z"),
    criadoEm: new Date("2026-03-10T12:00:00Z"),
    atualizadoEm: new Date("2026-03-10T12:00:00Z"),
    mensagemAgrupadaId: null,
    redacao: null,
    escritaPor: null,
    escritaMotivo: null,
    ...over,
  }) as Mensagem;

const card = (m: Mensagem) =>
  renderToStaticMarkup(createElement(MensagemCard, { mensagem: m, corretorNome: "Ana", timezone: TZ }));

describe("which engine wrote a message, on the dashboard", () => {
  it("the /mensagens card says the model and its name, or the template and why", () => {
    expect(card(mensagem({ escritaPor: "modelo:gpt-4o-mini" }))).toContain("Escrita pela IA (gpt-4o-mini).");
    // Key-less installs see no engine line: nothing changes for them.
    expect(card(mensagem({ escritaPor: "regras", escritaMotivo: "sem_modelo" }))).not.toContain("mensagem-escrita");
    expect(card(mensagem({ escritaPor: "regras", escritaMotivo: "tempo_esgotado" }))).toContain(
      "Modelo de texto (a IA não respondeu a tempo).",
    );
    expect(card(mensagem({ status: "retida_cota", sentAt: null }))).not.toContain("mensagem-escrita");
  });

  it("the lead timeline says it under each message sent", () => {
    const items = buildLeadTimeline({
      interacoes: [],
      eventos: [],
      mensagens: [
        mensagem({ escritaPor: "modelo:gpt-4o-mini" }),
        mensagem({ id: "msg_2", escritaPor: "regras", escritaMotivo: "fato ausente: 82" }),
      ],
      decisao: () => null,
      timezone: TZ,
    });
    const html = renderToStaticMarkup(createElement(LeadTimeline, { itens: items, timezone: TZ }));
    expect(html).toContain("Escrita pela IA (gpt-4o-mini).");
    expect(html).toContain("Modelo de texto (a IA mudou ou omitiu um dado).");
  });
});
