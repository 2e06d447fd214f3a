"use server";
// The board's move, by its menu (a plain form, no JavaScript needed) or a drag: the lead page's own
// action (same validation, same 404 outside the scope, same "status changed meanwhile" answer), and
// then the board is drawn again. The answer names the lead, so its card shows any error.
import { revalidatePath } from "next/cache";
import type { FunilEstado } from "@/lib/painel/funil-quadro";
import { mudarStatusAction } from "../leads/[id]/actions";

export async function moverNoFunilAction(prev: FunilEstado, form: FormData): Promise<FunilEstado> {
  const estado = await mudarStatusAction(prev, form);
  revalidatePath("/funil");
  const leadId = form.get("leadId");
  return typeof leadId === "string" ? { ...estado, leadId } : estado;
}
