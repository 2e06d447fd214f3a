// Test support for the follow-up cadence and the visit reminders: a lead as the pipeline leaves it
// once the broker is working it (status, last interaction), in a scene of agents/orquestrador/testing.
import type { Scene } from "@/agents/orquestrador/testing/orquestrador-fixture";
import type { Lead } from "@/lib/db/queries/leads";
import { insertPortalLead } from "@/lib/db/testing/portal-lead";
import type { LeadStatus } from "@/lib/db/schema";
import { newId } from "@/lib/ids";

let seq = 0;

export async function createWorkedLead(
  scene: Scene,
  spec: { status: LeadStatus; ultimaInteracao: Date; score?: number; nome?: string },
): Promise<Lead> {
  seq++;
  return insertPortalLead(scene.db, {
    id: newId("lead", spec.ultimaInteracao.getTime()),
    imobiliariaId: scene.agency.id,
    corretorId: scene.corretor.id,
    imovelId: scene.imovelId,
    nome: spec.nome ?? "Maria Souza",
    telefone: `+55119876${String(50_000 + seq).padStart(5, "0")}`,
    origem: "zap",
    dataPrimeiroContato: new Date(spec.ultimaInteracao.getTime() - 60 * 60_000),
    dataUltimaInteracao: spec.ultimaInteracao,
    score: spec.score ?? 50,
    status: spec.status,
  });
}
