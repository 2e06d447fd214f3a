// CPU time (user + system) of the processes a benchmark runs, by role, from /proc (Linux): what
// each part costs per request. Elsewhere `cpuSnapshot` returns null and the bench prints no split.
import { readdirSync, readFileSync } from "node:fs";

export type Role = "web" | "worker" | "postgres" | "redis" | "gerador de carga";
export type CpuSnapshot = Map<number, { role: Role; ms: number }>;

const TICK_MS = 10; // USER_HZ is 100 on Linux

function roleOf(pid: number, cmdline: string): Role | null {
  if (pid === process.pid) return "gerador de carga";
  if (cmdline.startsWith("postgres")) return "postgres";
  if (cmdline.startsWith("redis-server")) return "redis";
  if (
    cmdline.includes("scripts/web-server.mjs") ||
    cmdline.includes("next-server") ||
    cmdline.includes("next/dist/bin/next")
  )
    return "web";
  if (cmdline.includes("scripts/worker.ts")) return "worker";
  return null;
}

export function cpuSnapshot(): CpuSnapshot | null {
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((d) => /^\d+$/.test(d));
  } catch {
    return null;
  }
  const snapshot: CpuSnapshot = new Map();
  for (const dir of pids) {
    try {
      const role = roleOf(Number(dir), readFileSync(`/proc/${dir}/cmdline`, "utf8").replace(/\0/g, " "));
      if (!role) continue;
      const stat = readFileSync(`/proc/${dir}/stat`, "utf8");
      // Fields after the command name, which may itself hold spaces: utime and stime are 14th and 15th.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      snapshot.set(Number(dir), { role, ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS });
    } catch {
      // the process ended between the listing and the read
    }
  }
  return snapshot;
}

/** CPU ms per role spent between two snapshots (processes that ended in between are not counted). */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): Map<Role, number> {
  const byRole = new Map<Role, number>();
  for (const [pid, now] of after) {
    const spent = now.ms - (before.get(pid)?.ms ?? 0);
    byRole.set(now.role, (byRole.get(now.role) ?? 0) + spent);
  }
  return byRole;
}
