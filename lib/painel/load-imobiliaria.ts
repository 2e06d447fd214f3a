// The logged-in user's agency (name for the shell, time zone and thresholds for the pages), read
// once per request however many components ask.
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { getImobiliariaById, type Imobiliaria } from "@/lib/db/queries/imobiliarias";

export const loadImobiliaria = cache(async (id: string): Promise<Imobiliaria> => {
  const { db } = await getDb();
  const imobiliaria = await getImobiliariaById(db, id);
  // usuarios.imobiliaria_id is a foreign key: a missing agency means a broken database, not a user error.
  if (!imobiliaria) throw new Error(`imobiliária ${id} do usuário não encontrada`);
  return imobiliaria;
});
