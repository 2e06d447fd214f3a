// Migration 0026 against a real database (PGlite, or Postgres with DATABASE_URL): leads reassigned
// from the lead page before 7860047 carry a note the first-response trigger took for the broker's
// answer. Such rows are written here as that code wrote them, then the migration's SQL is run again.
import { readFileSync } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSlaScene, slaLead } from "@/agents/vigilante/sla/testing/sla-scene";
import { insertInteracao, type NovaInteracao } from "./queries/interacoes";
import { interacoes, leads } from "./schema";
import { createTestDb, type TestDb } from "./test-db";

let t: TestDb;
beforeAll(async () => void (t = await createTestDb()));
afterAll(async () => t?.cleanup());

const sp = (local: string) => new Date(`2026-11-24T${local}:00-03:00`);
const REPARO = readFileSync(path.join(process.cwd(), "drizzle/0026_repara_primeira_resposta.sql"), "utf8");

async function repair() {
  for (const statement of REPARO.split("--> statement-breakpoint")) await t.db.execute(sql.raw(statement));
}

const lead = async (id: string) => (await t.db.select().from(leads).where(eq(leads.id, id)))[0]!;

function note(leadId: string, hora: string, metadata: Record<string, unknown>): NovaInteracao {
  return { leadId, tipo: "nota", conteudo: "Gestora passou o lead pelo painel.", data: sp(hora), metadata };
}

describe("migration 0026: a reassignment from the lead page is no first response", () => {
  it("gives back the leads' real first response, or none, and leaves the others alone", async () => {
    const scene = await createSlaScene(t.db, { outroCorretor: true });
    const reatribuido = await slaLead(scene, sp("10:00"), "Maria Souza");
    const respondidoDepois = await slaLead(scene, sp("10:00"), "Joana Lima");
    const intocado = await slaLead(scene, sp("10:00"), "Carla Dias");
    const antigo = { acao: "reatribuir", via: "painel", usuarioId: scene.gestorIds[0] };

    await insertInteracao(t.db, note(reatribuido.id, "10:20", antigo));
    await insertInteracao(t.db, note(respondidoDepois.id, "10:20", antigo));
    await insertInteracao(t.db, { ...note(respondidoDepois.id, "11:00", {}), tipo: "contato_corretor" });
    await insertInteracao(t.db, { ...note(intocado.id, "10:40", {}), tipo: "contato_corretor" });
    // What the old code left: the hand-over's note counted as the first response.
    expect((await lead(reatribuido.id)).primeiraRespostaEm).toEqual(sp("10:20"));
    expect((await lead(respondidoDepois.id)).primeiraRespostaEm).toEqual(sp("10:20"));

    await repair();

    expect(await lead(reatribuido.id)).toMatchObject({ primeiraRespostaEm: null, slaEtapa: 3 });
    expect(await lead(respondidoDepois.id)).toMatchObject({ primeiraRespostaEm: sp("11:00"), slaEtapa: 0 });
    expect(await lead(intocado.id)).toMatchObject({ primeiraRespostaEm: sp("10:40"), slaEtapa: 0 });
    const notas = await t.db.select().from(interacoes).where(eq(interacoes.leadId, reatribuido.id));
    expect(notas.filter((n) => n.tipo === "nota").map((n) => n.metadata)).toEqual([
      { ...antigo, acao: "passar_adiante" },
    ]);

    // Run twice (a migration re-applied by hand): nothing moves.
    await repair();
    expect((await lead(respondidoDepois.id)).primeiraRespostaEm).toEqual(sp("11:00"));
  });
});
