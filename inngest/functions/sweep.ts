// Every minute: pick up what a crash or a lost trigger left (undecided events, stale claims,
// due scheduled messages, closed grouping windows) and fan it out to the other functions; and
// analyse what a lost trigger left unread (and write the reply drafts it did not); and the daily LGPD retention (lib/privacy/retention.ts).
import { getPipelineDeps } from "@/inngest/deps";
import { analyzeBacklog, sweep } from "@/inngest/steps";
import { applyRetention } from "@/lib/privacy/retention";
import { inngest } from "../client";

export const sweepPipeline = inngest.createFunction(
  { id: "sweep-pipeline", triggers: [{ cron: "* * * * *" }], concurrency: 1, retries: 2 },
  async ({ step }) => {
    const found = await step.run("varrer", async () => sweep(await getPipelineDeps()));
    const events = [
      ...found.eventos
        .filter((e) => e.leadId && e.imobiliariaId)
        .map((e) => ({
          name: "lead/received" as const,
          data: {
            eventoId: e.eventoId,
            leadId: e.leadId!,
            imobiliariaId: e.imobiliariaId!,
            corretorId: e.corretorId,
            urgencia: e.urgencia,
            score: e.score,
          },
          id: `lead-received-${e.eventoId}`,
        })),
      ...found.sends.map((s) => ({ name: "message/send" as const, data: s, id: `message-send-${s.mensagemId}` })),
    ];
    if (events.length > 0) await step.sendEvent("disparar", events);
    const analise = await step.run("analisar-pendentes", async () => analyzeBacklog(await getPipelineDeps()));
    // Once per local day per agency (the audit trail marks it); other minutes it only reads that mark.
    const retencao = await step.run("reter-dados", async () => applyRetention(await getPipelineDeps()));
    return {
      ...found.counts,
      eventos: found.eventos.length,
      envios: found.sends.length,
      analisadas: analise.gravadas,
      rascunhos: analise.rascunhos,
      retencao: retencao.length,
    };
  },
);
