// Disk stalls during a phase, read passively from /proc/diskstats (Linux): spans in which a disk had
// requests in flight and completed none. A durable COMMIT waits for the WAL's fdatasync, so a stall
// of the disk under Postgres delays every commit in flight by its length, whatever the app does.
// On this VM such stalls (80–200 ms) were seen with the machine otherwise idle.
import { readFileSync } from "node:fs";

/** Shorter waits are ordinary queueing, not a stall worth naming beside a p99. */
export const STALL_MIN_MS = 50;

export type DiskStall = { device: string; startMs: number; durationMs: number };
export type DiskCounters = { completed: number; inFlight: number };

/** Whole physical disks only: partitions, loop, RAM, zram, optical and device-mapper devices are left out. */
export function parseDiskstats(text: string): Map<string, DiskCounters> {
  const disks = new Map<string, DiskCounters>();
  for (const line of text.split("\n")) {
    const f = line.trim().split(/\s+/);
    const name = f[2];
    if (!name || f.length < 12) continue;
    if (/^(loop|ram|zram|dm-|sr|md)/.test(name)) continue;
    if (/^(sd|vd|xvd|hd)[a-z]+\d+$/.test(name) || /^(nvme\d+n\d+|mmcblk\d+)p\d+$/.test(name)) continue;
    // Fields 4 and 8: reads and writes completed; 12: requests in flight (kernel admin-guide/iostats).
    disks.set(name, { completed: Number(f[3]) + Number(f[7]), inFlight: Number(f[11]) });
  }
  return disks;
}

/**
 * Fed one reading of every disk at a time; a stall starts at the last reading that saw progress and
 * ends at the first that sees a completion again (or nothing in flight). Keeps those ≥ minMs.
 */
export class StallTracker {
  private readonly last = new Map<string, DiskCounters & { progressAt: number; stalled: boolean }>();
  private readonly stalls: DiskStall[] = [];

  constructor(
    private readonly origin: number,
    private readonly minMs: number,
  ) {}

  observe(now: number, disks: Map<string, DiskCounters>): void {
    for (const [device, c] of disks) {
      const prev = this.last.get(device);
      const progressed = !prev || c.completed !== prev.completed;
      if (prev?.stalled && (progressed || c.inFlight === 0)) this.close(device, prev.progressAt, now);
      const stalled = !progressed && c.inFlight > 0;
      this.last.set(device, { ...c, stalled, progressAt: stalled ? prev!.progressAt : now });
    }
  }

  /** Stalls seen so far, a stall still going counted up to `now`. */
  finish(now: number): DiskStall[] {
    for (const [device, s] of this.last) if (s.stalled) this.close(device, s.progressAt, now);
    this.last.clear();
    return [...this.stalls].sort((a, b) => a.startMs - b.startMs);
  }

  private close(device: string, from: number, to: number) {
    if (to - from >= this.minMs) this.stalls.push({ device, startMs: from - this.origin, durationMs: to - from });
  }
}

export type DiskStallWatch = { stop(): DiskStall[] };

/** Samples /proc/diskstats every `everyMs` until stop(); where it cannot be read, reports no stalls. */
export function watchDiskStalls(opts: { everyMs?: number; minMs?: number } = {}): DiskStallWatch {
  const tracker = new StallTracker(performance.now(), opts.minMs ?? STALL_MIN_MS);
  const sample = () => {
    let text: string;
    try {
      text = readFileSync("/proc/diskstats", "utf8");
    } catch {
      return;
    }
    tracker.observe(performance.now(), parseDiskstats(text));
  };
  sample();
  const timer = setInterval(sample, opts.everyMs ?? 10);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return tracker.finish(performance.now());
    },
  };
}
