// Several writes of one transaction sent as ONE statement (data-modifying CTEs), for hot paths
// where each round trip costs more than the write itself. Postgres runs every part even though
// none is referenced, and checks foreign keys at the end of the statement, so a child row may be
// written beside its parent. The parts must not touch the same row: they cannot see each other.
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";

/** A planned write: a drizzle insert/update/delete builder without `.returning()`. */
export type PlannedWrite = { getSQL(): SQL };

export async function writeTogether(tx: Db, writes: PlannedWrite[]): Promise<void> {
  if (writes.length === 0) return;
  // getSQL(), not the builder itself: a builder inside `sql` is wrapped in parentheses.
  const [main, ...rest] = [writes.at(-1)!.getSQL(), ...writes.slice(0, -1).map((w) => w.getSQL())];
  if (rest.length === 0) {
    await tx.execute(main);
    return;
  }
  const parts = rest.map((w, i) => sql`${sql.identifier(`parte_${i + 1}`)} as (${w})`);
  await tx.execute(sql`with ${sql.join(parts, sql`, `)} ${main}`);
}
