// Test support: an agency with N brokers on duty around the clock, a listing per fixture code and
// one integration per portal, plus helpers that post real fixture bodies to the real route handler.
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Db, DbHandle } from "@/lib/db/client";
import { executeRows } from "@/lib/db/execute-rows";
import { insertCorretor } from "@/lib/db/testing/corretores";
import { insertFixtureListing } from "@/lib/db/testing/imoveis";
import { insertImobiliaria } from "@/lib/db/queries/imobiliarias";
import { upsertIntegracao } from "@/lib/db/queries/integracoes";
import { imoveis } from "@/lib/db/schema";
import { newId } from "@/lib/ids";

export const SECRETS = {
  "grupo-olx": "test-olx-secret-1",
  "chaves-na-mao": "test-cnm-token-1",
  imovelweb: "test-imovelweb-1",
  generico: "test-api-key-0001",
} as const;
export const CNM_EMAIL = "integracao@teste.demo";

export async function createWebhookAgency(
  handle: DbHandle,
  opts: { slug: string; brokers?: number; roteamento?: "roleta" | "dono_do_anuncio" | "fixo" },
) {
  const agency = await insertImobiliaria(handle.db, {
    slug: opts.slug,
    nome: `Imobiliária ${opts.slug}`,
    cidade: "São Paulo",
    uf: "SP",
    configuracoes: { roteamento: opts.roteamento ?? "roleta" },
  });
  const brokers = [];
  for (let i = 0; i < (opts.brokers ?? 3); i++) {
    brokers.push(
      await insertCorretor(handle.db, {
        imobiliariaId: agency.id,
        nome: `Corretor ${i + 1}`,
        telefone: `+55119${String(70000000 + i).padStart(8, "0")}`,
        preferencias: { horario: { inicio: "00:00", fim: "23:59" }, dias: [0, 1, 2, 3, 4, 5, 6] },
      }),
    );
  }
  const owner = brokers[brokers.length - 1]!;
  await insertFixtureListing(handle.db, agency.id, owner.id);
  await handle.db.insert(imoveis).values([
    {
      id: newId("imv"),
      imobiliariaId: agency.id,
      codigo: "CA0077-LST",
      corretorId: owner.id,
      titulo: "Casa 3 quartos",
      tipo: "Casa",
      finalidade: "aluguel",
      bairro: "Tijuca",
      cidade: "Rio de Janeiro",
      uf: "RJ",
      preco: 4500,
      quartos: 3,
    },
  ]);
  await upsertIntegracao(handle.db, { imobiliariaId: agency.id, portal: "grupo-olx", segredo: SECRETS["grupo-olx"] });
  await upsertIntegracao(handle.db, {
    imobiliariaId: agency.id,
    portal: "chaves-na-mao",
    identificador: CNM_EMAIL,
    segredo: SECRETS["chaves-na-mao"],
  });
  await upsertIntegracao(handle.db, { imobiliariaId: agency.id, portal: "imovelweb", segredo: SECRETS.imovelweb });
  await upsertIntegracao(handle.db, { imobiliariaId: agency.id, portal: "generico", segredo: SECRETS.generico });
  return { agency, brokers, owner };
}

export function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(process.cwd(), "lib/portals/fixtures", name), "utf8"));
}

const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString("base64")}`;

export function authHeaders(portal: keyof typeof SECRETS): Record<string, string> {
  switch (portal) {
    case "grupo-olx":
      return { authorization: basic("vivareal", SECRETS["grupo-olx"]) };
    case "chaves-na-mao":
      return { authorization: basic(CNM_EMAIL, SECRETS["chaves-na-mao"]) };
    case "imovelweb":
      return { "x-imovelweb-token": SECRETS.imovelweb };
    case "generico":
      return { authorization: `Bearer ${SECRETS.generico}` };
  }
}

export function deliveryRequest(
  portal: string,
  slug: string,
  body: string | Uint8Array | ReadableStream<Uint8Array>,
  headers: Record<string, string>,
): Request {
  return new Request(`http://localhost/api/webhooks/portais/${portal}/${slug}`, {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...headers },
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
}

/** Rows of every table a delivery writes, in one query: a refusal must leave them all unchanged. */
export async function intakeTableCounts(db: Db) {
  const [row] = await executeRows<Record<string, unknown>>(
    db,
    sql`select
    (select count(*) from leads) as leads, (select count(*) from eventos) as eventos,
    (select count(*) from interacoes) as interacoes, (select count(*) from entregas_webhook) as entregas`,
  );
  return {
    leads: Number(row!.leads),
    eventos: Number(row!.eventos),
    interacoes: Number(row!.interacoes),
    entregas: Number(row!.entregas),
  };
}
