// Open-loop load at a steady rate: request i is due at start + i/rate whatever happened before, and
// its latency counts from when it was due, so a slow server cannot hide queueing (no coordinated
// omission). autocannon's `overallRate` is a per-second budget that fires in bursts; this is not.
import http from "node:http";

export type SteadyRequest = { path: string; method: "POST"; headers: Record<string, string>; body: string };
export type SteadyResult = {
  sent: number;
  latenciesMs: number[];
  /** p99 latency of the requests due in each second of the run, in order: where a queue built up. */
  p99PerSecondMs: number[];
  statuses: Map<number, number>;
  errors: number;
  bodies: string[];
  elapsedMs: number;
};

export async function steadyLoad(opts: {
  baseUrl: string;
  rate: number;
  durationS: number;
  request: (i: number) => SteadyRequest;
  /** Keep response bodies (to count "duplicado" answers). */
  keepBodies?: boolean;
}): Promise<SteadyResult> {
  if (!(opts.rate > 0) || !(opts.durationS > 0)) throw new Error("steadyLoad: rate e durationS devem ser positivos");
  const url = new URL(opts.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const total = Math.round(opts.rate * opts.durationS);
  const interval = 1000 / opts.rate;
  const result: SteadyResult = {
    sent: 0,
    latenciesMs: [],
    p99PerSecondMs: [],
    statuses: new Map(),
    errors: 0,
    bodies: [],
    elapsedMs: 0,
  };
  const bySecond: number[][] = [];
  const inFlight: Promise<void>[] = [];
  const start = performance.now();

  const fire = (i: number, dueAt: number) =>
    new Promise<void>((resolve) => {
      const r = opts.request(i);
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: r.path,
          method: r.method,
          headers: { ...r.headers, "content-length": Buffer.byteLength(r.body) },
          agent,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            const latency = performance.now() - dueAt;
            result.latenciesMs.push(latency);
            (bySecond[Math.floor((dueAt - start) / 1000)] ??= []).push(latency);
            result.statuses.set(res.statusCode ?? 0, (result.statuses.get(res.statusCode ?? 0) ?? 0) + 1);
            if (opts.keepBodies) result.bodies.push(Buffer.concat(chunks).toString("utf8"));
            resolve();
          });
        },
      );
      req.on("error", () => {
        result.errors++;
        resolve();
      });
      req.end(r.body);
      result.sent++;
    });

  for (let i = 0; i < total; i++) {
    const dueAt = start + i * interval;
    const wait = dueAt - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(fire(i, dueAt));
  }
  await Promise.all(inFlight);
  result.elapsedMs = performance.now() - start;
  agent.destroy();
  result.latenciesMs.sort((a, b) => a - b);
  result.p99PerSecondMs = Array.from(bySecond, (l) =>
    percentileOf(
      (l ?? []).sort((a, b) => a - b),
      99,
    ),
  );
  return result;
}

export function percentileOf(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
