// The ingest bench's disk-stall reading: /proc/diskstats lines as this VM prints them, and the
// tracker fed readings by hand (no disk, no timers).
import { describe, expect, it } from "vitest";
import { parseDiskstats, StallTracker } from "./disk-stalls";

const DISKSTATS = [
  "   7       0 loop0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0",
  " 254       0 vda 143159 27364 4005850 446684 764501 139910 15471344 129549 3 120080 595777 16769 12 2982504 2071 305379 17471",
  " 254       1 vda1 100 0 800 10 200 0 1600 20 1 30 30 0 0 0 0 0 0",
  " 253       0 zram0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0",
  " 259       0 nvme0n1 10 0 80 1 20 0 160 2 0 3 3 0 0 0 0 0 0",
  " 259       1 nvme0n1p1 10 0 80 1 20 0 160 2 0 3 3 0 0 0 0 0 0",
].join("\n");

const disk = (completed: number, inFlight: number) => new Map([["vda", { completed, inFlight }]]);

describe("parseDiskstats", () => {
  it("reads whole disks only, with reads + writes completed and requests in flight", () => {
    const disks = parseDiskstats(DISKSTATS);
    expect([...disks.keys()]).toEqual(["vda", "nvme0n1"]);
    expect(disks.get("vda")).toEqual({ completed: 143159 + 764501, inFlight: 3 });
  });
});

describe("StallTracker", () => {
  it("reports a span with requests in flight and no completion, from the last progress to the next", () => {
    const t = new StallTracker(1000, 50);
    t.observe(1000, disk(10, 1));
    t.observe(1010, disk(12, 2)); // progress
    t.observe(1020, disk(12, 2));
    t.observe(1090, disk(12, 3));
    t.observe(1130, disk(15, 1)); // completions again
    t.observe(1140, disk(18, 0));
    expect(t.finish(1200)).toEqual([{ device: "vda", startMs: 10, durationMs: 120 }]);
  });

  it("ignores short waits and idle disks, and counts a stall still going at the end", () => {
    const t = new StallTracker(0, 50);
    t.observe(0, disk(5, 1));
    t.observe(30, disk(5, 1)); // 30 ms without progress: shorter than 50
    t.observe(40, disk(6, 0));
    t.observe(200, disk(6, 0)); // nothing in flight: idle, not stalled
    t.observe(210, disk(7, 4));
    t.observe(300, disk(7, 4));
    expect(t.finish(330)).toEqual([{ device: "vda", startMs: 210, durationMs: 120 }]);
  });
});
