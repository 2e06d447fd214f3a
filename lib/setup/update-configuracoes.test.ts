// An admin's settings change: refused fields come back with pt-BR messages and nothing is written; a
// saved change is audited (before → after, no personal data) and decides the very next lead, even
// though every event reads the agency through the in-process memo.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { processEvento } from "@/agents/orquestrador/process-evento";
import {
  createDefaultKv,
  createLeadEvento,
  createScene,
  fixedClock,
  TUE_1000,
} from "@/agents/orquestrador/testing/orquestrador-fixture";
import { listAuditoriaDoAlvo } from "@/lib/db/queries/auditoria";
import { getImobiliariaByIdCached } from "@/lib/db/queries/imobiliarias";
import { insertCorretor } from "@/lib/db/testing/corretores";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { updateConfiguracoesImobiliaria, type AjustesImobiliariaForm } from "./update-configuracoes";

let t: TestDb;
const kv = createDefaultKv();
beforeAll(async () => void (t = await createTestDb()));
afterAll(async () => {
  await kv.close();
  await t?.cleanup();
});

const SID = `HX${"a1".repeat(16)}`;

const formPadrao = (over: Partial<AjustesImobiliariaForm> = {}): AjustesImobiliariaForm => ({
  nome: "Imobiliária Centro",
  timezone: "America/Sao_Paulo",
  scoreQuente: 70,
  scoreMorno: 40,
  roteamento: "roleta",
  corretorFixoId: null,
  pesosRoleta: {},
  limiteDiarioPadrao: 5,
  janelaMinutos: 30,
  tamanhoMaximo: 5,
  slaMinutos: 15,
  followUpDias: "1, 3, 7, 15",
  resumoDiarioHora: "",
  resumoSemanalHora: "",
  templates: {},
  ...over,
});

describe("updateConfiguracoesImobiliaria", () => {
  it("refuses bad fields, each with its own pt-BR message, and writes nothing", async () => {
    const scene = await createScene(t.db);
    const actor = { imobiliariaId: scene.agency.id, usuarioId: "usr_admin" };
    const r = await updateConfiguracoesImobiliaria(
      t.db,
      actor,
      formPadrao({
        timezone: "America/Nowhere",
        scoreQuente: 50,
        scoreMorno: 60,
        followUpDias: "1, três",
        roteamento: "fixo",
        templates: { "alerta.foraDaJanela": "HX123" },
        resumoDiarioHora: "25:00",
      }),
    );
    expect(r).toEqual({
      kind: "invalido",
      erros: {
        timezone: "Escolha um fuso horário da lista.",
        scoreMorno: "O limite de morno deve ser menor que o de quente.",
        followUpDias: "Use números separados por vírgula, ex.: 1, 3, 7, 15.",
        corretorFixoId: "Escolha o corretor que recebe todos os leads.",
        "templates.alerta.foraDaJanela": "deve ser um Content SID da Twilio: HX seguido de 32 hexadecimais",
        resumoDiarioHora: "Use HH:MM, de 00:00 a 23:59, ou deixe em branco.",
      },
    });
    const outra = await createScene(t.db);
    const deOutra = await updateConfiguracoesImobiliaria(
      t.db,
      actor,
      formPadrao({ roteamento: "fixo", corretorFixoId: outra.corretor.id }),
    );
    expect(deOutra).toEqual({
      kind: "invalido",
      erros: { corretorFixoId: "Escolha um corretor ativo da imobiliária." },
    });
    expect(await listAuditoriaDoAlvo(t.db, scene.agency.id, { tipo: "imobiliaria", id: scene.agency.id })).toEqual([]);
  });

  it("a lower hot threshold makes the next lead of that score an alert now, not a digest", async () => {
    const scene = await createScene(t.db);
    const clock = fixedClock();
    const deps = { db: t.db, kv, now: clock.now };
    const antes = await createLeadEvento(scene, { score: 65, at: TUE_1000, nome: "Antes" });
    expect((await processEvento(deps, antes.evento.id)).decisao).toBe("agrupar");
    // The memo now holds the agency with scoreQuente 70.
    expect((await getImobiliariaByIdCached(t.db, scene.agency.id))?.configuracoes.scoreQuente).toBe(70);

    const r = await updateConfiguracoesImobiliaria(
      t.db,
      { imobiliariaId: scene.agency.id, usuarioId: "usr_admin" },
      formPadrao({ scoreQuente: 60, scoreMorno: 30 }),
    );
    expect(r).toMatchObject({ kind: "feito", campos: ["scoreQuente", "scoreMorno"] });

    const depois = await createLeadEvento(scene, { score: 65, at: TUE_1000, nome: "Depois" });
    expect((await processEvento(deps, depois.evento.id)).decisao).toBe("agora");
  });

  it("audits before → after with codes and numbers only, and saving the same form again changes nothing", async () => {
    const scene = await createScene(t.db);
    const bia = await insertCorretor(t.db, {
      imobiliariaId: scene.agency.id,
      nome: "Bia Reis",
      telefone: "+5511970000002",
    });
    const actor = { imobiliariaId: scene.agency.id, usuarioId: "usr_admin" };
    const form = formPadrao({
      roteamento: "fixo",
      corretorFixoId: bia.id,
      pesosRoleta: { [scene.corretor.id]: 3, [bia.id]: 1 },
      followUpDias: "15; 1, 3, 3",
      resumoDiarioHora: "07:30",
      templates: { "alerta.foraDaJanela": SID, "resumo.comBotoes": "" },
    });
    const r = await updateConfiguracoesImobiliaria(t.db, actor, form);
    expect(r.kind).toBe("feito");
    const salva = (await getImobiliariaByIdCached(t.db, scene.agency.id))!.configuracoes;
    expect(salva).toMatchObject({
      roteamento: "fixo",
      corretorFixoId: bia.id,
      // 1 is everyone's weight when none is stored: nothing to store for Bia.
      pesosRoleta: { [scene.corretor.id]: 3 },
      followUpDias: [1, 3, 15],
      resumoDiarioHora: "07:30",
      twilioTemplates: { alerta: { foraDaJanela: SID } },
    });

    const [linha] = await listAuditoriaDoAlvo(t.db, scene.agency.id, { tipo: "imobiliaria", id: scene.agency.id });
    expect(linha).toMatchObject({ acao: "imobiliaria.configuracoes", usuarioId: "usr_admin" });
    expect(linha!.detalhes).toEqual({
      campos: `roteamento,corretorFixoId,followUpDias,resumoDiarioHora,pesoRoleta.${scene.corretor.id},template.alerta.foraDaJanela`,
      "roteamento.antes": "roleta",
      "roteamento.depois": "fixo",
      "corretorFixoId.antes": null,
      "corretorFixoId.depois": bia.id,
      "followUpDias.antes": "1,3,7,15",
      "followUpDias.depois": "1,3,15",
      "resumoDiarioHora.antes": null,
      "resumoDiarioHora.depois": "07:30",
      [`pesoRoleta.${scene.corretor.id}.antes`]: 1,
      [`pesoRoleta.${scene.corretor.id}.depois`]: 3,
      "template.alerta.foraDaJanela.antes": null,
      "template.alerta.foraDaJanela.depois": SID,
    });
    expect(JSON.stringify(linha!.detalhes)).not.toMatch(/Bia|\+55|@/);

    expect(await updateConfiguracoesImobiliaria(t.db, actor, form)).toMatchObject({ kind: "feito", campos: [] });
    expect(await listAuditoriaDoAlvo(t.db, scene.agency.id, { tipo: "imobiliaria", id: scene.agency.id })).toHaveLength(
      1,
    );
  });

  it("turns the SLA chain's re-route on (off by default), audited like the other fields", async () => {
    const scene = await createScene(t.db);
    expect((await getImobiliariaByIdCached(t.db, scene.agency.id))!.configuracoes.slaRedistribuir).toBe(false);
    const actor = { imobiliariaId: scene.agency.id, usuarioId: "usr_admin" };
    const r = await updateConfiguracoesImobiliaria(t.db, actor, formPadrao({ slaRedistribuir: true }));
    expect(r).toMatchObject({ kind: "feito", campos: ["slaRedistribuir"] });
    expect((await getImobiliariaByIdCached(t.db, scene.agency.id))!.configuracoes.slaRedistribuir).toBe(true);
    const [linha] = await listAuditoriaDoAlvo(t.db, scene.agency.id, { tipo: "imobiliaria", id: scene.agency.id });
    expect(linha!.detalhes).toEqual({
      campos: "slaRedistribuir",
      "slaRedistribuir.antes": false,
      "slaRedistribuir.depois": true,
    });
  });
});
