// Smooth weighted round-robin (the nginx algorithm): over any window each broker gets turns in
// proportion to its weight, interleaved rather than in bursts. Pure: the caller loads and stores
// `currents` inside the same transaction that assigns the lead, under a row lock.

export type RoletaCandidate = { id: string; weight: number; openLeads: number };
export type RoletaCurrents = Record<string, number>;

export function pickByRoleta(
  candidates: RoletaCandidate[],
  currents: RoletaCurrents,
): { chosenId: string; currents: RoletaCurrents } {
  const eligible = candidates.filter((c) => Number.isFinite(c.weight) && c.weight > 0);
  if (eligible.length === 0) throw new Error("roleta sem corretores elegíveis");
  const total = eligible.reduce((sum, c) => sum + c.weight, 0);
  // Returns credits for the eligible only; the caller decides whether absent brokers keep theirs.
  const next: RoletaCurrents = {};
  for (const c of eligible) next[c.id] = (currents[c.id] ?? 0) + c.weight;
  let chosen = eligible[0]!;
  for (const c of eligible.slice(1)) {
    const diff = next[c.id]! - next[chosen.id]!;
    if (diff > 0 || (diff === 0 && (c.openLeads < chosen.openLeads || (c.openLeads === chosen.openLeads && c.id < chosen.id)))) {
      chosen = c;
    }
  }
  next[chosen.id]! -= total;
  return { chosenId: chosen.id, currents: next };
}
