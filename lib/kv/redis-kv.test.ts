// Redis outage and recovery, through a local TCP proxy we can cut and restore.
import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { createKv } from "./index";

const redisUrl = env.kv.redisUrl;
const suite = redisUrl ? describe : describe.skip;

function startProxy(target: { host: string; port: number }, port = 0) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  return new Promise<{ port: number; stop(): Promise<void> }>((resolve) => {
    server.listen(port, "127.0.0.1", () => {
      resolve({
        port: (server.address() as net.AddressInfo).port,
        stop: async () => {
          for (const s of sockets) s.destroy();
          await new Promise<void>((r) => server.close(() => r()));
        },
      });
    });
  });
}

suite(
  redisUrl ? "redis adapter: outage and recovery" : "redis adapter: outage — pulado: REDIS_URL não definida",
  () => {
    const target = new URL(redisUrl ?? "redis://127.0.0.1:6379");
    const upstream = { host: target.hostname, port: Number(target.port || 6379) };
    let stopProxy: (() => Promise<void>) | undefined;

    afterAll(async () => stopProxy?.());

    it("fails fast while Redis is unreachable and recovers on its own", async () => {
      const proxy = await startProxy(upstream);
      stopProxy = proxy.stop;
      const url = new URL(redisUrl!);
      url.hostname = "127.0.0.1";
      url.port = String(proxy.port);
      const kv = createKv({ driver: "redis", redisUrl: url.toString() });
      try {
        await kv.ping();

        await proxy.stop();
        const t0 = Date.now();
        await expect(kv.ping()).rejects.toThrow();
        expect(Date.now() - t0).toBeLessThan(2500);
        const t1 = Date.now();
        await expect(kv.get("kvtest:outage")).rejects.toThrow();
        expect(Date.now() - t1).toBeLessThan(100);

        stopProxy = (await startProxy(upstream, proxy.port)).stop;
        const deadline = Date.now() + 5000;
        let recovered = false;
        while (!recovered && Date.now() < deadline) {
          recovered = await kv.ping().then(
            () => true,
            () => false,
          );
          if (!recovered) await new Promise((r) => setTimeout(r, 200));
        }
        expect(recovered).toBe(true);
      } finally {
        await kv.close();
      }
    });
  },
);
