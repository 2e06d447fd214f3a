// Test oracle: the digest links (`mensagem_agrupada_id`) derived from the digests' `evento_ids`, as
// migration 0007 set them once. Tests compare it with the links the pipeline and the demo seed write.
import { sql } from "drizzle-orm";
import type { Db } from "../client";

/** Marks every event some `agrupada` message lists as told by it. */
export async function markEventosAgrupadosFromDigests(db: Db): Promise<void> {
  await db.execute(sql`
    update eventos as e set mensagem_agrupada_id = d.id
    from mensagens as d cross join lateral jsonb_array_elements_text(d.evento_ids) as c(id)
    where d.tipo = 'agrupada' and e.id = c.id and e.corretor_id = d.corretor_id and e.mensagem_agrupada_id is null`);
}

/** The same for held alerts (`retida_cota`) whose event a digest lists. */
export async function markRetidasAgrupadasFromDigests(db: Db): Promise<void> {
  await db.execute(sql`
    update mensagens as m set mensagem_agrupada_id = d.id
    from mensagens as d cross join lateral jsonb_array_elements_text(d.evento_ids) as c(id)
    where d.tipo = 'agrupada' and m.tipo = 'alerta' and m.status = 'retida_cota' and m.evento_id = c.id
      and m.corretor_id = d.corretor_id and m.mensagem_agrupada_id is null`);
}
