// The listing the portal fixtures name (lib/portals/fixtures: `clientListingId` AP0142-LST), for
// tests, benchmarks and the reliability suite that need the lead's listing to exist.
import type { Db } from "../client";
import { imoveis } from "../schema";
import { newId } from "@/lib/ids";

export async function insertFixtureListing(db: Db, imobiliariaId: string, corretorId: string): Promise<string> {
  const id = newId("imv");
  await db.insert(imoveis).values({
    id,
    imobiliariaId,
    codigo: "AP0142-LST",
    corretorId,
    titulo: "Apartamento 2 quartos em Pinheiros",
    tipo: "Apartamento",
    finalidade: "venda",
    bairro: "Pinheiros",
    cidade: "São Paulo",
    uf: "SP",
    preco: 890000,
    quartos: 2,
  });
  return id;
}
