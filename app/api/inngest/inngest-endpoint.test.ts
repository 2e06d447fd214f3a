// /api/inngest answered 500 to anyone on an instance without Inngest (serve() in cloud mode with no
// signing key). Now: a 404 naming the reason without keys, a 503 with keys but no signing key, and
// serve() itself once configured (the functions' own tests are in inngest/functions).
import { Inngest } from "inngest";
import type { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { functions } from "@/inngest/functions";
import { inngestEndpoint } from "./inngest-endpoint";
import * as route from "./route";

const request = (method: string) => new Request("http://localhost/api/inngest", { method }) as unknown as NextRequest;
const SIGNING_KEY = "signkey-prod-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

describe("/api/inngest", () => {
  it("without INNGEST_* keys (as in tests) answers 404 with a pt-BR JSON body to every method", async () => {
    for (const method of ["GET", "POST", "PUT"] as const) {
      const res = await route[method](request(method), undefined);
      expect(res.status, method).toBe(404);
      expect(res.headers.get("content-type")).toContain("application/json");
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("not_found");
      expect(body.error.message).toContain("O Inngest não está configurado nesta instância");
    }
  });

  it("with an event key but no signing key (and not the dev server) answers 503 naming the missing key", async () => {
    const client = new Inngest({ id: "lastro", eventKey: "ek" });
    const handlers = inngestEndpoint(
      { eventKey: "ek", signingKey: undefined, dev: false, baseUrl: undefined },
      client,
      functions,
    );
    const res = await handlers.POST(request("POST"), undefined);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain("INNGEST_SIGNING_KEY");
  });

  it("configured, it is Inngest's own endpoint: it lists our functions to the dev server, refuses unsigned calls in cloud mode", async () => {
    const dev = inngestEndpoint(
      { eventKey: undefined, signingKey: undefined, dev: true, baseUrl: undefined },
      new Inngest({ id: "lastro", isDev: true }),
      functions,
    );
    const listing = await dev.GET(request("GET"), undefined);
    expect(listing.status).toBe(200);
    expect(await listing.json()).toMatchObject({ function_count: functions.length, mode: "dev" });

    const client = new Inngest({ id: "lastro", eventKey: "ek", signingKey: SIGNING_KEY });
    const cloud = inngestEndpoint(
      { eventKey: "ek", signingKey: SIGNING_KEY, dev: false, baseUrl: undefined },
      client,
      functions,
    );
    const unsigned = await cloud.POST(request("POST"), undefined);
    expect(unsigned.status).toBe(401);
  });
});
