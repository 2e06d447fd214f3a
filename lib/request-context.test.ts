import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./log";
import { currentRequestId, requestIdFrom, withRequestId } from "./request-context";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split("\n").filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, log: createLogger({ level: "info", destination }) };
}

describe("request ids", () => {
  it("keeps a sane caller id and makes one for anything else (too short, spaces, a phone, an e-mail)", () => {
    expect(requestIdFrom("portal-abc-12345")).toBe("portal-abc-12345");
    for (const odd of [null, "", "abc", "tem espaço 123", "+5511987654321", "pessoa@exemplo.com.br", "x".repeat(65)]) {
      expect(requestIdFrom(odd)).toMatch(/^req_[A-Za-z0-9_-]{16}$/);
    }
    expect(requestIdFrom(null)).not.toBe(requestIdFrom(null));
  });

  it("adds the current id to every log line written inside, and nothing outside", async () => {
    const { lines, log } = capture();
    log.info("fora");
    await withRequestId("req_teste_00000001", async () => {
      await Promise.resolve();
      log.info("dentro", { leadId: "lead_1" });
      expect(currentRequestId()).toBe("req_teste_00000001");
    });
    log.info("fora.de.novo");
    await new Promise((r) => setImmediate(r));
    expect(lines.map((l) => [l.msg, l.requestId])).toEqual([
      ["fora", undefined],
      ["dentro", "req_teste_00000001"],
      ["fora.de.novo", undefined],
    ]);
  });

  it("runs without an id when given none or a malformed one", () => {
    expect(withRequestId(undefined, () => currentRequestId())).toBeUndefined();
    expect(withRequestId("mal formado", () => currentRequestId())).toBeUndefined();
  });
});
