// One agency per scenario, seeded straight into the suite's database before the app starts: brokers
// on duty around the clock with their own phones (no two scenarios share a number, so each one's
// messages on the fake Twilio are its own), the OLX group integration, and the fixtures' listing.
import type { DbHandle } from "@/lib/db/client";
import { insertCorretor, updatePreferencias } from "@/lib/db/queries/corretores";
import { insertImobiliaria } from "@/lib/db/queries/imobiliarias";
import { upsertIntegracao } from "@/lib/db/queries/integracoes";
import { insertFixtureListing } from "@/lib/db/testing/imoveis";

export type ScenarioAgency = {
  slug: string;
  secret: string;
  imobiliariaId: string;
  brokers: { id: string; telefone: string }[];
  limiteDiario: number;
};

export async function seedScenarioAgency(
  handle: DbHandle,
  o: { index: number; slug: string; brokers: number; limiteDiario: number },
): Promise<ScenarioAgency> {
  if (o.index < 1 || o.index > 9 || o.brokers > 999) throw new Error("cenário: índice de 1 a 9, até 999 corretores");
  const agency = await insertImobiliaria(handle.db, {
    slug: o.slug,
    nome: `Imobiliária ${o.slug}`,
    cidade: "São Paulo",
    uf: "SP",
    configuracoes: { roteamento: "roleta" },
  });
  const brokers = [];
  for (let i = 0; i < o.brokers; i++) {
    const telefone = `+55219${o.index}${String(i).padStart(3, "0")}0000`;
    const corretor = await insertCorretor(handle.db, {
      imobiliariaId: agency.id,
      nome: `Corretor ${o.slug} ${i + 1}`,
      telefone,
      preferencias: { horario: { inicio: "00:00", fim: "23:59" }, dias: [0, 1, 2, 3, 4, 5, 6] },
    });
    await updatePreferencias(handle.db, agency.id, corretor.id, { limiteDiario: o.limiteDiario });
    brokers.push({ id: corretor.id, telefone });
  }
  await insertFixtureListing(handle.db, agency.id, brokers[0]!.id);
  const secret = `confiabilidade-${o.slug}-segredo`;
  await upsertIntegracao(handle.db, { imobiliariaId: agency.id, portal: "grupo-olx", segredo: secret });
  return { slug: o.slug, secret, imobiliariaId: agency.id, brokers, limiteDiario: o.limiteDiario };
}
