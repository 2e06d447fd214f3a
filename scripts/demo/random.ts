// Seeded PRNG for the demo data (sfc32 seeded through splitmix32). The same seed always gives the
// same sequence, so the seeder never touches Math.random or crypto randomness.

export type Weighted<T> = readonly (readonly [T, number])[];

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  float(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** Picks a value with probability proportional to its weight. */
  weighted<T>(entries: Weighted<T>): T;
  chance(p: number): boolean;
  bytes(n: number): Buffer;
  /** A few distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[];
}

// splitmix32: spreads a small or sequential seed over all 32 bits, so seeds 1 and 2 look unrelated.
function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
}

/** Mixes a seed with stream numbers, so lead #i gets its own stream whatever the chunk size. */
export function deriveSeed(seed: number, ...streams: number[]): number {
  let h = seed >>> 0;
  for (const s of streams) {
    const mix = splitmix32((h ^ Math.imul(s >>> 0, 0x27d4eb2d)) >>> 0);
    h = mix() ^ mix();
  }
  return h >>> 0;
}

export function createRandom(seed: number): Random {
  const init = splitmix32(seed);
  const u32 = sfc32(init(), init(), init(), init());
  for (let i = 0; i < 12; i++) u32(); // warm-up: the first outputs of a fresh sfc32 are correlated

  const next = () => u32() / 4294967296;
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));

  return {
    next,
    int,
    float: (min, max) => min + next() * (max - min),
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error("pick: lista vazia");
      return items[Math.floor(next() * items.length)]!;
    },
    weighted<T>(entries: Weighted<T>): T {
      let total = 0;
      for (const [, w] of entries) total += w;
      if (total <= 0) throw new Error("weighted: pesos precisam somar mais que zero");
      let roll = next() * total;
      for (const [value, w] of entries) {
        roll -= w;
        if (roll < 0) return value;
      }
      return entries[entries.length - 1]![0];
    },
    chance: (p) => next() < p,
    bytes(n: number): Buffer {
      const out = Buffer.allocUnsafe(n);
      for (let i = 0; i < n; i += 4) {
        const v = u32();
        for (let j = 0; j < 4 && i + j < n; j++) out[i + j] = (v >>> (j * 8)) & 0xff;
      }
      return out;
    },
    sample<T>(items: readonly T[], count: number): T[] {
      const copy = [...items];
      const k = Math.min(count, copy.length);
      for (let i = 0; i < k; i++) {
        const j = i + Math.floor(next() * (copy.length - i));
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy.slice(0, k);
    },
  };
}
