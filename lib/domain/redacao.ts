// What the Conselheiro hands a model to rewrite a message in natural pt-BR (issue #21): the facts it
// must keep word for word, the context it may use, and the lines it may not touch (our links, which
// are appended after its text). Stored with the message row (`mensagens.redacao`) so the send step
// can ask the model after the decision's transaction, never inside it.
import { z } from "zod";

export const redacaoSchema = z.object({
  /** Which message this is ("novo_lead", "lembrete"…): picks the instructions. */
  tipo: z.string().min(1).max(40),
  /** Strings the text must contain unchanged: first name, score, listing code… */
  fatos: z.array(z.string().min(1).max(120)).max(12),
  /** Facts the model may use (first names only, listing facts, the lead's words: never a phone or e-mail). */
  contexto: z.record(z.string(), z.string().max(600)),
  /** Appended after the model's text as is: the links. */
  rodape: z.string().max(1600),
});
export type Redacao = z.infer<typeof redacaoSchema>;
