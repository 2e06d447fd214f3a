"use server";
// The board's move, by its menu (a plain form, no JavaScript needed) or a drag: the lead page's own
// action (same validation, same 404 outside the scope, same "status changed meanwhile" answer), and
// then the board is drawn again.
import { revalidatePath } from "next/cache";
import type { AcaoEstado } from "@/lib/painel/acao-estado";
import { mudarStatusAction } from "../leads/[id]/actions";

export async function moverNoFunilAction(prev: AcaoEstado, form: FormData): Promise<AcaoEstado> {
  const estado = await mudarStatusAction(prev, form);
  revalidatePath("/funil");
  return estado;
}
