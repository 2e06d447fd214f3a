// A message to the agency's management (SLA escalation, a quiet portal, the manager's summary): one
// row per active admin/gestor login with a WhatsApp number, each under its own idempotency key, so a
// sweep that runs twice — or two runners at once — writes each person's message once.
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { insertMensagemOnce } from "@/lib/db/queries/mensagens";
import { listGestoresComWhatsapp, type GestorComWhatsapp } from "@/lib/db/queries/usuarios";
import { MENSAGEM_TIPOS } from "@/lib/domain/mensagem-tipos";
import type { Redacao } from "@/lib/domain/redacao";
import type { Papel } from "@/lib/db/schema";

const pedidoSchema = z.object({
  imobiliariaId: z.string().min(1).max(50),
  tipo: z.enum(MENSAGEM_TIPOS),
  /** The event's own key (e.g. `sla:2:<lead>`); each login's row is `<chave>:<usuario>`. */
  chave: z.string().min(1).max(140),
  papeis: z.array(z.enum(["admin", "gestor"])).min(1),
  leadId: z.string().min(1).max(50).nullish(),
  eventoId: z.string().min(1).max(50).nullish(),
});
export type PedidoGestores = z.input<typeof pedidoSchema> & {
  /** The text for one person (their first name is the usual difference), with what a model may rewrite of it. */
  corpo: (gestor: GestorComWhatsapp) => string | { corpo: string; redacao?: Redacao };
};

export type EnfileiradaGestor = { mensagemId: string; usuarioId: string; criada: boolean };

/** Writes one pending message per management login that gave a WhatsApp number; none when nobody did. */
export async function queueToGestores(deps: { db: Db; now: () => Date }, pedido: PedidoGestores) {
  const p = pedidoSchema.parse(pedido);
  const gestores = (await listGestoresComWhatsapp(deps.db, p.imobiliariaId)).filter((g) =>
    (p.papeis as Papel[]).includes(g.papel),
  );
  const out: EnfileiradaGestor[] = [];
  for (const g of gestores) {
    const texto = pedido.corpo(g);
    const { corpo, redacao } = typeof texto === "string" ? { corpo: texto, redacao: undefined } : texto;
    const { mensagem, criada } = await insertMensagemOnce(deps.db, {
      imobiliariaId: p.imobiliariaId,
      usuarioId: g.id,
      corretorId: null,
      leadId: p.leadId ?? null,
      eventoId: p.eventoId ?? null,
      tipo: p.tipo,
      destino: g.whatsapp,
      corpo,
      ...(redacao ? { redacao } : {}),
      status: "pendente",
      idempotencyKey: `${p.chave}:${g.id}`,
      criadoEm: deps.now(),
    });
    out.push({ mensagemId: mensagem.id, usuarioId: g.id, criada });
  }
  return out;
}
