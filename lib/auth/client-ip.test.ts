import { describe, expect, it } from "vitest";
import { clientIpOf, UNKNOWN_IP } from "./client-ip";

const xff = (value?: string) => new Headers(value === undefined ? {} : { "x-forwarded-for": value });

describe("clientIpOf", () => {
  it("takes the address the web server appended, not what the client wrote before it", () => {
    // scripts/web-server.mjs appends the socket's peer: a forged header only adds entries to the left.
    expect(clientIpOf(xff("1.2.3.4, 203.0.113.9"), 0)).toBe("203.0.113.9");
    expect(clientIpOf(xff("203.0.113.9"), 0)).toBe("203.0.113.9");
  });

  it("behind N trusted proxies, takes the entry the outermost proxy wrote", () => {
    // client forged "1.2.3.4"; nginx appended the real client; web-server.mjs appended nginx (127.0.0.1).
    expect(clientIpOf(xff("1.2.3.4, 198.51.100.7, 127.0.0.1"), 1)).toBe("198.51.100.7");
    // Fewer entries than hops: the leftmost, never out of range.
    expect(clientIpOf(xff("198.51.100.7"), 3)).toBe("198.51.100.7");
  });

  it("names no address when there is none", () => {
    expect(clientIpOf(xff(), 0)).toBe(UNKNOWN_IP);
    expect(clientIpOf(xff(" , "), 0)).toBe(UNKNOWN_IP);
  });
});
