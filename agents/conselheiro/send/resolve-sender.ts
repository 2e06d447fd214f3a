// Who wrote us on WhatsApp: the broker whose E.164 phone matches Twilio's WaId / From, including
// the legacy 12-digit WaId some Brazilian mobiles still report (no ninth digit).
import type { Db } from "@/lib/db/client";
import type { Corretor } from "@/lib/db/queries/corretores";
import { findCorretoresByTelefones } from "@/lib/db/queries/corretores-whatsapp";
import { isE164 } from "@/lib/phone/e164";
import { waIdToE164Candidates } from "@/lib/phone/normalize-phone";

/** The numbers the sender may be stored under, the modern form first. */
export function senderPhoneCandidates(sender: { from: string; waId?: string | null }): string[] {
  const all = [...(sender.waId ? waIdToE164Candidates(sender.waId) : []), ...waIdToE164Candidates(sender.from)];
  return [...new Set(all)].filter(isE164).slice(0, 4);
}

/** Active brokers with the sender's phone (a phone may repeat across agencies). Inactive ones do not count. */
export async function findSenderCorretores(
  db: Db,
  sender: { from: string; waId?: string | null },
): Promise<Corretor[]> {
  const found = await findCorretoresByTelefones(db, senderPhoneCandidates(sender));
  return found.filter((c) => c.ativo !== false && c.imobiliariaId !== null);
}
