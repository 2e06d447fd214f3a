// The dashboard bench's pure parts: its options, the login's cookie handling and the figures it prints.
// The bench itself (a seeded database, a production server) does not run here.
import { describe, expect, it } from "vitest";
import { databaseUrlFor } from "@/scripts/lib/fresh-database";
import { parseDashboardArgs } from "./dashboard-args";
import { figuresOf, formatTable } from "./dashboard-report";
import { cookieHeader, hasSessionCookie, mergeCookies, parseSetCookies } from "./http-session";

describe("parseDashboardArgs", () => {
  it("defaults to a fresh 100,000-lead database, 10 warm-up and 50 measured requests", () => {
    const a = parseDashboardArgs([], {});
    expect(a).toMatchObject({ reuse: false, database: "lastro_bench_dashboard", leads: 100_000, warmup: 10, n: 50 });
    expect(a.url).toBeNull();
    expect(a.serverUrl).toBe("postgres://postgres@127.0.0.1:5432/postgres");
  });

  it("reads the flags, and DATABASE_URL / REDIS_URL when no flag names them", () => {
    const a = parseDashboardArgs(
      [
        "--reuse",
        "--db",
        "wt_bench",
        "--n",
        "20",
        "--warmup",
        "0",
        "--port",
        "3105",
        "--url",
        "http://127.0.0.1:3105/",
      ],
      { DATABASE_URL: "postgres://u@db:5432/x", REDIS_URL: "redis://r:6379" },
    );
    expect(a).toMatchObject({ reuse: true, database: "wt_bench", n: 20, warmup: 0, port: 3105 });
    expect(a.url).toBe("http://127.0.0.1:3105");
    expect(a.serverUrl).toBe("postgres://u@db:5432/x");
    expect(a.redisUrl).toBe("redis://r:6379");
  });

  it("refuses a database name that would not be safe unquoted in DROP DATABASE", () => {
    expect(() => parseDashboardArgs(["--db", "x; drop table leads"])).toThrow(/--db/);
    expect(() => parseDashboardArgs(["--db", "Bench"])).toThrow(/--db/);
  });

  it("refuses counts that are not whole and positive, and unknown flags", () => {
    expect(() => parseDashboardArgs(["--n", "0"])).toThrow(/--n deve ser um inteiro ≥ 1/);
    expect(() => parseDashboardArgs(["--leads", "1e5x"])).toThrow(/--leads/);
    expect(parseDashboardArgs(["--leads", "100_000"]).leads).toBe(100_000);
    expect(() => parseDashboardArgs(["--repeat"])).toThrow();
  });

  it("points the server URL at the bench's database", () => {
    expect(databaseUrlFor("postgres://postgres@127.0.0.1:5432/wt_bench", "wt_bench_2")).toBe(
      "postgres://postgres@127.0.0.1:5432/wt_bench_2",
    );
  });
});

describe("login cookies", () => {
  const csrf = "authjs.csrf-token=abc%7Cdef; Path=/; HttpOnly; SameSite=Lax";
  const callback = "authjs.callback-url=http%3A%2F%2F127.0.0.1%3A3105; Path=/; HttpOnly; SameSite=Lax";

  it("keeps each cookie's name and value, not its attributes", () => {
    expect([...parseSetCookies([csrf, callback])]).toEqual([
      ["authjs.csrf-token", "abc%7Cdef"],
      ["authjs.callback-url", "http%3A%2F%2F127.0.0.1%3A3105"],
    ]);
  });

  it("treats an emptied or expired cookie as deleted", () => {
    let jar = mergeCookies(new Map(), [csrf, "authjs.session-token=jwt.part; Path=/; HttpOnly"]);
    jar = mergeCookies(jar, [
      "authjs.csrf-token=; Path=/; Max-Age=0",
      "authjs.session-token=old; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
    ]);
    expect(jar.size).toBe(0);
  });

  it("sends the jar back as one Cookie header, a later value replacing an earlier one", () => {
    const jar = mergeCookies(mergeCookies(new Map(), [csrf]), ["authjs.csrf-token=new; Path=/", callback]);
    expect(cookieHeader(jar)).toBe("authjs.csrf-token=new; authjs.callback-url=http%3A%2F%2F127.0.0.1%3A3105");
  });

  it("knows a login worked only by Auth.js's session cookie, whole or in chunks", () => {
    expect(hasSessionCookie(mergeCookies(new Map(), [csrf, callback]))).toBe(false);
    expect(hasSessionCookie(new Map([["authjs.session-token", "x"]]))).toBe(true);
    expect(hasSessionCookie(new Map([["authjs.session-token.0", "x"]]))).toBe(true);
    expect(hasSessionCookie(new Map([["__Secure-authjs.session-token", "x"]]))).toBe(true);
  });
});

describe("figures", () => {
  it("reads p50 and p95 by nearest rank, whatever order the times came in", () => {
    const times = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1
    expect(figuresOf(times, 150)).toEqual({ n: 100, p50: 50, p95: 95, max: 100, ok: true });
  });

  it("is over the target when p95 reaches it, even with a fast median", () => {
    const times = [...Array.from({ length: 19 }, () => 10), 150];
    expect(figuresOf(times, 150).ok).toBe(true); // p95 of 20 = the 19th: 10 ms
    expect(figuresOf([...times, 150], 150)).toMatchObject({ p95: 150, ok: false });
  });

  it("prints a row per page and role, and a dash for a page that does not exist yet", () => {
    const table = formatTable([
      { kind: "timed", page: "/leads", role: "gestor", targetMs: 150, timesMs: [20, 30, 40], bytes: 80_000 },
      { kind: "timed", page: "/leads/[id]", role: "corretor", targetMs: 100, timesMs: [90, 120, 130], bytes: 2048 },
      { kind: "missing", page: "/funil", role: "gestor", targetMs: 150 },
      { kind: "failed", page: "/eventos", role: "gestor", targetMs: 150, reason: "HTTP 500" },
    ]);
    const lines = table.split("\n");
    expect(lines[0]).toMatch(/^página\s+papel\s+n\s+p50\s+p95\s+máx\s+meta p95\s+HTML$/);
    expect(lines[2]).toMatch(/^\/leads\s+gestor\s+3\s+30\.0 ms\s+40\.0 ms\s+40\.0 ms\s+< 150 ms\s+ok\s+78 KB$/);
    expect(lines[3]).toMatch(/corretor\s+3\s+120\.0 ms\s+130\.0 ms\s+130\.0 ms\s+< 100 ms\s+ACIMA\s+2 KB$/);
    expect(lines[4]).toMatch(/^\/funil\s+gestor\s+— {2}\(página ainda não existe\)$/);
    expect(lines[5]).toMatch(/^\/eventos\s+gestor\s+— {2}\(falhou: HTTP 500\)$/);
  });
});
