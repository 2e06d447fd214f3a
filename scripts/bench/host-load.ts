// What the machine itself did during a phase, from /proc (Linux): time the hypervisor gave this VM's
// cores to someone else (steal), time in softirq (loopback network), and how often some task here
// had to wait for a core (PSI). The same code measured p99 51 ms and 189 ms an hour apart on this VM;
// these figures tell such runs apart.
import { readFileSync } from "node:fs";

export type HostSnapshot = { ticks: number[]; psiSomeUs: number | null; at: number };

export function hostSnapshot(): HostSnapshot | null {
  try {
    const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0]!;
    // cpu  user nice system idle iowait irq softirq steal ...
    const ticks = cpu.trim().split(/\s+/).slice(1, 9).map(Number);
    let psiSomeUs: number | null = null;
    try {
      const total = /total=(\d+)/.exec(readFileSync("/proc/pressure/cpu", "utf8").split("\n")[0]!)?.[1];
      psiSomeUs = total === undefined ? null : Number(total);
    } catch {
      // kernels without PSI
    }
    return { ticks, psiSomeUs, at: performance.now() };
  } catch {
    return null;
  }
}

export type HostLoad = { stealPct: number; softirqPct: number; iowaitPct: number; cpuPressurePct: number | null };

/** Steal, softirq and iowait as % of all cores' time; CPU pressure (some task waiting) as % of wall time. */
export function hostLoadBetween(before: HostSnapshot | null, after: HostSnapshot | null): HostLoad | null {
  if (!before || !after) return null;
  const delta = after.ticks.map((t, i) => t - (before.ticks[i] ?? 0));
  const all = delta.reduce((s, t) => s + t, 0);
  if (all <= 0) return null;
  const pct = (i: number) => (100 * (delta[i] ?? 0)) / all;
  const wallUs = (after.at - before.at) * 1000;
  const cpuPressurePct =
    before.psiSomeUs !== null && after.psiSomeUs !== null && wallUs > 0
      ? (100 * (after.psiSomeUs - before.psiSomeUs)) / wallUs
      : null;
  return { stealPct: pct(7), softirqPct: pct(6), iowaitPct: pct(4), cpuPressurePct };
}

export function hostLoadLine(load: HostLoad): string {
  const psi =
    load.cpuPressurePct === null
      ? ""
      : `; alguma tarefa esperando núcleo em ${load.cpuPressurePct.toFixed(0)}% do tempo (PSI)`;
  return `  máquina: steal ${load.stealPct.toFixed(1)}%, softirq ${load.softirqPct.toFixed(1)}%, iowait ${load.iowaitPct.toFixed(1)}% do tempo dos núcleos${psi}`;
}
