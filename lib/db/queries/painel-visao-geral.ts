// Headline counts for the dashboard's overview, within a login's scope (a broker sees their own).
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { corretores, leads, mensagens } from "../schema";
import { idSchema } from "./columns";

export type VisaoGeral = {
  leads: number;
  leadsQuentes: number;
  leadsNovos: number;
  mensagens: number;
  mensagensNaCaixa: number;
  mensagensComProblema: number;
  /** null for a broker's scope: the team size is not theirs to see. */
  corretoresAtivos: number | null;
};

// `::int` because count() is bigint, which pg returns as a string.
const countWhere = (condition: SQL) => sql<number>`(count(*) filter (where ${condition}))::int`;

export async function countVisaoGeral(
  db: Db,
  scope: { imobiliariaId: string; corretorId: string | null },
  scoreQuente: number,
): Promise<VisaoGeral> {
  const imobiliariaId = idSchema.parse(scope.imobiliariaId);
  const corretorId = scope.corretorId ? idSchema.parse(scope.corretorId) : null;
  const leadScope = and(
    eq(leads.imobiliariaId, imobiliariaId),
    corretorId ? eq(leads.corretorId, corretorId) : undefined,
  );
  const msgScope = and(
    eq(mensagens.imobiliariaId, imobiliariaId),
    corretorId ? eq(mensagens.corretorId, corretorId) : undefined,
  );

  const [leadCounts, msgCounts, team] = await Promise.all([
    db
      .select({
        total: sql<number>`count(*)::int`,
        quentes: countWhere(sql`${leads.score} >= ${scoreQuente}`),
        novos: countWhere(sql`${leads.status} = 'novo'`),
      })
      .from(leads)
      .where(leadScope),
    db
      .select({
        total: sql<number>`count(*)::int`,
        naCaixa: countWhere(sql`${mensagens.status} = 'outbox'`),
        comProblema: countWhere(sql`${mensagens.status} in ('falhou', 'incerta')`),
      })
      .from(mensagens)
      .where(msgScope),
    corretorId
      ? Promise.resolve(null)
      : db
          .select({ ativos: countWhere(sql`${corretores.ativo}`) })
          .from(corretores)
          .where(eq(corretores.imobiliariaId, imobiliariaId)),
  ]);
  const l = leadCounts[0];
  const m = msgCounts[0];
  return {
    leads: Number(l?.total ?? 0),
    leadsQuentes: Number(l?.quentes ?? 0),
    leadsNovos: Number(l?.novos ?? 0),
    mensagens: Number(m?.total ?? 0),
    mensagensNaCaixa: Number(m?.naCaixa ?? 0),
    mensagensComProblema: Number(m?.comProblema ?? 0),
    corretoresAtivos: team ? Number(team[0]?.ativos ?? 0) : null,
  };
}
