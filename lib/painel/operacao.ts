// /operacao's loader (admins): the agency's pipeline figures from lib/db/queries/operacao.ts and the
// installation's incidents (open first, then the last 30 days). Also what the dashboard's banner shows.
import { INCIDENTE_TITULO, SEVERIDADE_ROTULO, descreverIncidente } from "@/lib/domain/incidente-texto";
import type { Db } from "@/lib/db/client";
import { listIncidentesAbertos, listIncidentesRecentes, type Incidente } from "@/lib/db/queries/incidentes";
import {
  errosPorMinuto,
  eventosPorHora,
  latenciaProcessamento,
  mensagensPorDia,
  type Latencia,
  type PorDia,
  type PorHora,
  type PorMinuto,
} from "@/lib/db/queries/operacao";
import { localDayOf, localDayRange } from "@/lib/time/local-day";

const HORA_MS = 60 * 60_000;
const DIA_MS = 24 * HORA_MS;

export type IncidenteLinha = {
  id: string;
  titulo: string;
  severidade: string;
  critico: boolean;
  descricao: string;
  abertoEm: Date;
  resolvidoEm: Date | null;
};

export type PainelOperacao = {
  eventosPorHora: PorHora[];
  mensagensPorDia: PorDia[];
  latencia: Latencia;
  errosPorMinuto: PorMinuto[];
  incidentes: IncidenteLinha[];
};

export function incidenteLinha(i: Incidente): IncidenteLinha {
  return {
    id: i.id,
    titulo: INCIDENTE_TITULO[i.tipo],
    severidade: SEVERIDADE_ROTULO[i.severidade],
    critico: i.severidade === "critical",
    descricao: descreverIncidente(i),
    abertoEm: i.abertoEm,
    resolvidoEm: i.resolvidoEm,
  };
}

export async function loadOperacao(
  db: Db,
  imobiliariaId: string,
  timezone: string,
  now: Date = new Date(),
): Promise<PainelOperacao> {
  // The 14 local days ending today, from the first one's midnight.
  const inicio14Dias = localDayRange(localDayOf(new Date(now.getTime() - 13 * DIA_MS), timezone), timezone)!.start;
  const [porHora, porDia, latencia, porMinuto, incidentes] = await Promise.all([
    eventosPorHora(db, imobiliariaId, new Date(now.getTime() - 23 * HORA_MS), now),
    mensagensPorDia(db, imobiliariaId, inicio14Dias, now, timezone),
    latenciaProcessamento(db, imobiliariaId, new Date(now.getTime() - DIA_MS), now),
    errosPorMinuto(db, imobiliariaId, new Date(now.getTime() - 59 * 60_000), now),
    listIncidentesRecentes(db, new Date(now.getTime() - 30 * DIA_MS)),
  ]);
  return {
    eventosPorHora: porHora,
    mensagensPorDia: porDia,
    latencia,
    errosPorMinuto: porMinuto,
    incidentes: incidentes.map(incidenteLinha),
  };
}

/** The banner's incidents: the open ones, for an admin; nobody else sees operations. */
export async function loadIncidentesAbertos(db: Db): Promise<IncidenteLinha[]> {
  return (await listIncidentesAbertos(db)).map(incidenteLinha);
}
