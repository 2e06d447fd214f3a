// Several writes of one transaction sent as ONE statement (data-modifying CTEs), for hot paths
// where each round trip costs more than the write itself. Postgres runs every part even though
// none is referenced, and checks foreign keys at the end of the statement, so a child row may be
// written beside its parent. The parts must not touch the same row: they cannot see each other.
// The parts are compiled statements, so the composed text is built once per combination.
import type { BoundStatement } from "./compiled-statement";

const together = new Map<string, string>();
// Combinations come from a fixed set of call sites; the bound only guards against a caller that
// composes unbounded variants, which then simply build their text each time.
const MAX_COMBINATIONS = 200;

/** The writes as ONE statement, not yet run: every write but the last becomes a CTE part; the last is the main statement. */
export function composeWrites(writes: BoundStatement[]): BoundStatement {
  if (writes.length === 0) throw new Error("composeWrites: nenhuma escrita");
  const key = writes.map((w) => w.statement.key).join("|");
  let text = together.get(key);
  if (text === undefined) {
    let offset = 0;
    // Each part's $1…$n move past the params of the parts before it, in text order.
    const renumbered = writes.map((w) => {
      const base = offset;
      offset += w.params.length;
      return w.statement.text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + base}`);
    });
    const main = renumbered.pop()!;
    text =
      renumbered.length === 0
        ? main
        : `with ${renumbered.map((part, i) => `"parte_${i + 1}" as (${part})`).join(", ")} ${main}`;
    if (together.size < MAX_COMBINATIONS) together.set(key, text);
  }
  return { statement: { key, text }, params: writes.flatMap((w) => w.params) };
}
