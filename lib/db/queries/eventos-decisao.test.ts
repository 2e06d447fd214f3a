// Integration (PGlite, or Postgres in CI): the Orquestrador's planned statements on `eventos` read
// the same event drizzle's select does, and record a decision without losing the event's metadata.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fewTripsTransaction } from "@/lib/db/wire/few-trips-transaction";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { parseConfiguracoes } from "@/lib/domain/configuracoes-imobiliaria";
import { eventos, imobiliarias } from "../schema";
import { runBound } from "../wire/compiled-statement";
import { insertEvento, lockedEvento, planLockEventoForDecision, planMarkEventoDecidido } from "./eventos";

let t: TestDb;
const AGENCY = "imob_decisao";

beforeAll(async () => {
  t = await createTestDb();
  await t.db
    .insert(imobiliarias)
    .values({ id: AGENCY, slug: "decisao", nome: "Decisão", configuracoes: parseConfiguracoes({}) });
});
afterAll(async () => {
  await t?.cleanup();
});

const novoEvento = () =>
  insertEvento(t.db, {
    imobiliariaId: AGENCY,
    tipo: "novo_lead",
    urgencia: "alta",
    titulo: "Novo lead: Caio",
    descricao: "Caio quer visitar",
    acaoRecomendada: "Ligue hoje",
    dataDeteccao: new Date("2026-12-03T14:05:06.789Z"),
    metadata: { portal: "grupo-olx", score: 71 },
  });

describe("the Orquestrador's statements on eventos", () => {
  it("locks and returns the event exactly as drizzle's select reads it", async () => {
    const evento = await novoEvento();
    const viaSelect = (await t.db.select().from(eventos).where(eq(eventos.id, evento.id)))[0];
    const viaLock = await fewTripsTransaction(t.db, [planLockEventoForDecision(evento.id)], async (_trip, [rows]) =>
      lockedEvento(rows!),
    );
    expect(viaLock).toEqual(viaSelect);
    expect(viaLock?.dataDeteccao).toEqual(new Date("2026-12-03T14:05:06.789Z"));
    expect(
      await fewTripsTransaction(t.db, [planLockEventoForDecision("evt_que_nao_existe")], async (_trip, [rows]) =>
        lockedEvento(rows!),
      ),
    ).toBeNull();
  });

  it("marks the event decided with the decision, keeping its other metadata", async () => {
    const evento = await novoEvento();
    await fewTripsTransaction(t.db, [], async ({ commitWith }) =>
      commitWith([
        planMarkEventoDecidido(evento.id, { acao: "agora", mensagemIds: ["msg_1"], texto: "aspas \" e 'apóstrofo'" }),
      ]),
    );
    const [stored] = await t.db.select().from(eventos).where(eq(eventos.id, evento.id));
    expect(stored?.processado).toBe(true);
    expect(stored?.metadata).toEqual({
      portal: "grupo-olx",
      score: 71,
      decisao: { acao: "agora", mensagemIds: ["msg_1"], texto: "aspas \" e 'apóstrofo'" },
    });
    // A second decision replaces the first one's `decisao` only.
    await runBound(t.db, planMarkEventoDecidido(evento.id, { acao: "agrupar" }));
    const [again] = await t.db.select().from(eventos).where(eq(eventos.id, evento.id));
    expect(again?.metadata).toEqual({ portal: "grupo-olx", score: 71, decisao: { acao: "agrupar" } });
  });
});
