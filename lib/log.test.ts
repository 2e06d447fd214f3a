import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./log";

const PHONES = [
  "+55 11 98765-4321",
  "(11) 98765-4321",
  "11987654321",
  "+5511987654321",
  "whatsapp:+5511987654321",
  "5511987654321",
  "987654321",
  "98765-4321",
  "(11) 3456-7890",
];
// Any of these in the output means a phone (or enough of one) leaked.
const FORBIDDEN = ["98765", "87654", "4321", "987654321", "3456", "7890", "maria.silva@", "maria.silva%40"];

function capture(level = "debug") {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...chunk.toString().split("\n").filter(Boolean));
      done();
    },
  });
  const logger = createLogger({ level, destination });
  const records = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines, records };
}

// pid and hostname come from the machine and may contain any digits by chance.
function withoutMachineFields(line: string): string {
  const { pid: _pid, hostname: _hostname, ...rest } = JSON.parse(line) as Record<string, unknown>;
  return JSON.stringify(rest);
}

function expectClean(line: string) {
  const text = withoutMachineFields(line);
  for (const bad of FORBIDDEN) expect(text, `"${bad}" leaked in ${text}`).not.toContain(bad);
}

describe("log", () => {
  it("writes one structured JSON line per event with level, time, msg and fields", () => {
    const { logger, records } = capture();
    logger.info("lead.received", { leadId: "lead_01JD8X4Y7Z", score: 82, portal: "zap" });
    const [record] = records();
    expect(record).toMatchObject({
      level: "info",
      msg: "lead.received",
      leadId: "lead_01JD8X4Y7Z",
      score: 82,
      portal: "zap",
    });
    expect(record?.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it("respects the level", () => {
    const { logger, records } = capture("warn");
    logger.debug("a");
    logger.info("b");
    logger.warn("c");
    logger.error("d");
    expect(records().map((r) => [r.level, r.msg])).toEqual([
      ["warn", "c"],
      ["error", "d"],
    ]);
  });

  it("never writes a phone or an e-mail, wherever it is", () => {
    const { logger, lines, records } = capture();
    for (const phone of PHONES) {
      logger.info(`lead.received from ${phone}`, {
        phone,
        anyName: `fale com ${phone} ou maria.silva@example.com`,
        nested: { list: [phone, { deeper: phone }], [phone]: "as key" },
      });
    }
    logger.warn("twilio.raw", { body: "From=whatsapp%3A%2B5511987654321&Email=maria.silva%40example.com" });
    logger.error("lead.failed", { err: new Error(`não consegui falar com 5511987654321 <maria.silva@example.com>`) });
    logger.child({ phone: "+5511987654321", email: "maria.silva@example.com" }).info("child.bound");

    expect(lines).toHaveLength(PHONES.length + 3);
    for (const line of lines) expectClean(line);
    const first = records()[0];
    expect(first?.msg).toBe("lead.received from +55 11 *****-**21");
    expect(first?.phone).toBe("+55 11 *****-**21");
    expect(first?.anyName).toBe("fale com +55 11 *****-**21 ou m***@example.com");
  });

  it("masks err (message, stack, cause) and keeps it useful", () => {
    const { logger, records } = capture();
    const err = new RangeError("timeout ao enviar para (11) 98765-4321", {
      cause: new Error("destinatário maria.silva@example.com"),
    });
    logger.error("message.send_failed", { err, messageId: "msg_01JD" });
    const record = records()[0];
    const logged = record?.err as Record<string, unknown>;
    expect(logged.type).toBe("RangeError");
    expect(logged.message).toBe("timeout ao enviar para (11) *****-**21");
    expect(String(logged.stack)).toContain("RangeError: timeout ao enviar para (11) *****-**21");
    expect(String(logged.stack)).toMatch(/\n\s+at /);
    expect((logged.cause as Record<string, unknown>).message).toBe("destinatário m***@example.com");
    expect(record?.messageId).toBe("msg_01JD");
    const { pid: _pid, hostname: _hostname, ...rest } = record ?? {};
    expectClean(JSON.stringify(rest));
  });

  it("masks errors under any key, not only err", () => {
    const { logger, lines } = capture();
    logger.warn("kv.failed", { error: new Error("key lastro:phone:5511987654321") });
    expect(lines[0]).toContain("lastro:phone:5511*******21");
    expectClean(lines[0] ?? "");
  });

  it("child loggers add masked bindings to every line", () => {
    const { logger, records } = capture();
    const child = logger.child({ requestId: "req_1", from: "whatsapp:+5511987654321" });
    child.info("a", { n: 1 });
    child.child({ leadId: "lead_2" }).warn("b");
    expect(records()).toMatchObject([
      { msg: "a", requestId: "req_1", from: "whatsapp:+5511*******21", n: 1 },
      { msg: "b", requestId: "req_1", from: "whatsapp:+5511*******21", leadId: "lead_2" },
    ]);
  });

  it("leaves timestamps, ids, counts and prices alone", () => {
    const { logger, records } = capture();
    const fields = {
      at: "2026-11-20T13:42:07.118Z",
      id: "550e8400-e29b-41d4-a716-446655440000",
      leadId: "lead_01JD8X4Y7Z5511987654321ABC",
      score: 82,
      status: 404,
      durationMs: 1234,
      price: 1250000,
    };
    logger.info("lead.scored", fields);
    expect(records()[0]).toMatchObject(fields);
  });
});
