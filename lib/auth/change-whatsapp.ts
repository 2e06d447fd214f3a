// "Minha conta": a login gives (or removes) its own WhatsApp number, where the management's alerts
// and summaries will reach it. Stored in E.164; a landline is refused as for a broker's number. The
// audit row says only whether there was a number before and after: the number itself is personal data.
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { insertAuditoria } from "@/lib/db/queries/auditoria";
import { lockUsuarioForUpdate, setUsuarioWhatsapp } from "@/lib/db/queries/usuarios";
import { parseWhatsappNumber } from "@/lib/phone/whatsapp-number";

export const ACAO_WHATSAPP_ALTERADO = "usuario.whatsapp";

const entradaSchema = z.string().trim().max(40, "Número longo demais.");

export type TrocaWhatsappResult =
  | { kind: "feito"; whatsapp: string | null }
  | { kind: "sem_mudanca" }
  | { kind: "invalido"; erros: Record<string, string> }
  | { kind: "nao_encontrado" };

/** An empty field removes the number. */
export async function changeOwnWhatsapp(
  db: Db,
  quem: { imobiliariaId: string; usuarioId: string },
  input: string,
): Promise<TrocaWhatsappResult> {
  const entrada = entradaSchema.safeParse(input);
  if (!entrada.success) return { kind: "invalido", erros: { whatsapp: entrada.error.issues[0]!.message } };
  let whatsapp: string | null = null;
  if (entrada.data) {
    const numero = parseWhatsappNumber(entrada.data);
    if (numero.erro !== undefined) return { kind: "invalido", erros: { whatsapp: numero.erro } };
    whatsapp = numero.e164;
  }
  return db.transaction(async (tx): Promise<TrocaWhatsappResult> => {
    const usuario = await lockUsuarioForUpdate(tx, quem.imobiliariaId, quem.usuarioId);
    if (!usuario) return { kind: "nao_encontrado" };
    if (usuario.whatsapp === whatsapp) return { kind: "sem_mudanca" };
    await setUsuarioWhatsapp(tx, quem.imobiliariaId, usuario.id, whatsapp);
    await insertAuditoria(tx, {
      imobiliariaId: quem.imobiliariaId,
      usuarioId: quem.usuarioId,
      acao: ACAO_WHATSAPP_ALTERADO,
      alvoTipo: "usuario",
      alvoId: usuario.id,
      detalhes: { tinhaNumero: usuario.whatsapp !== null, temNumero: whatsapp !== null },
    });
    return { kind: "feito", whatsapp };
  });
}
