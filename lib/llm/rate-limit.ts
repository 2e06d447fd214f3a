// A per-process sliding window of request starts. It never waits: over the limit the caller uses the
// rules engine at once, which is what keeps a hot lead's alert on time when the model is busy.
export function createRateLimiter(maxPerMinute: number, now: () => number = Date.now): () => boolean {
  if (!Number.isInteger(maxPerMinute) || maxPerMinute < 1) throw new Error("maxPerMinute deve ser um inteiro ≥ 1");
  const starts: number[] = [];
  return () => {
    const t = now();
    while (starts.length > 0 && starts[0]! <= t - 60_000) starts.shift();
    if (starts.length >= maxPerMinute) return false;
    starts.push(t);
    return true;
  };
}
