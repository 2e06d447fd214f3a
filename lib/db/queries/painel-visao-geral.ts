// Headline counts for the dashboard's overview, within a login's scope (a broker sees their own). Each
// lead count is the /leads list's own filter (countLeads) and each message count the /mensagens filter
// its card opens, so the number on a card is the number of rows the card's link shows.
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { corretores, mensagens, type MensagemStatus } from "../schema";
import { idSchema } from "./columns";
import { countLeads, countLeadsFiltered } from "./leads-lista";

export type VisaoGeral = {
  leads: number;
  leadsQuentes: number;
  /** Still `novo` with no broker action: /leads?semContato=1. */
  leadsSemContato: number;
  mensagens: number;
  mensagensNaCaixa: number;
  mensagensComProblema: number;
  /** null for a broker's scope: the team size is not theirs to see. */
  corretoresAtivos: number | null;
};

/** The messages an admin must look at: the "Com falha ou incertas" card and /mensagens?status=com_problema. */
export const MENSAGENS_COM_PROBLEMA = ["falhou", "incerta"] as const satisfies readonly MensagemStatus[];

// `::int` because count() is bigint, which pg returns as a string.
const countWhere = (condition: SQL) => sql<number>`(count(*) filter (where ${condition}))::int`;

export async function countVisaoGeral(
  db: Db,
  scope: { imobiliariaId: string; corretorId: string | null },
  scoreQuente: number,
): Promise<VisaoGeral> {
  const imobiliariaId = idSchema.parse(scope.imobiliariaId);
  const corretorId = scope.corretorId ? idSchema.parse(scope.corretorId) : null;
  const msgScope = and(
    eq(mensagens.imobiliariaId, imobiliariaId),
    corretorId ? eq(mensagens.corretorId, corretorId) : undefined,
  );

  // Two statements side by side: all and hot leads in one index-only pass, "sem contato" in its own range.
  const [leadCounts, semContato, msgCounts, team] = await Promise.all([
    countLeads(db, scope, { total: {}, quentes: { scoreMin: scoreQuente } }),
    countLeadsFiltered(db, scope, { semContato: true }),
    db
      .select({
        total: sql<number>`count(*)::int`,
        naCaixa: countWhere(eq(mensagens.status, "outbox")),
        comProblema: countWhere(inArray(mensagens.status, [...MENSAGENS_COM_PROBLEMA])),
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
  const m = msgCounts[0];
  return {
    leads: leadCounts.total,
    leadsQuentes: leadCounts.quentes,
    leadsSemContato: semContato,
    mensagens: Number(m?.total ?? 0),
    mensagensNaCaixa: Number(m?.naCaixa ?? 0),
    mensagensComProblema: Number(m?.comProblema ?? 0),
    corretoresAtivos: team ? Number(team[0]?.ativos ?? 0) : null,
  };
}
