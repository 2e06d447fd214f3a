// Test support: the twilio SDK has no base-URL option, so this RequestClient rewrites
// https://api.twilio.com to the local fake server (plain HTTP on 127.0.0.1).
import http from "node:http";
import twilio from "twilio";
import type RequestClient from "twilio/lib/base/RequestClient";

const TWILIO_API = "https://api.twilio.com";

class FakeTwilioHttpClient extends twilio.RequestClient {
  constructor(
    private readonly baseUrl: string,
    timeoutMs: number,
  ) {
    super({ timeout: timeoutMs, keepAlive: false });
    // A fresh connection per request, so a socket the fake destroyed is never reused.
    this.axios.defaults.httpAgent = new http.Agent({ keepAlive: false });
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    const uri = opts.uri.startsWith(TWILIO_API) ? this.baseUrl + opts.uri.slice(TWILIO_API.length) : opts.uri;
    return super.request({ ...opts, uri });
  }
}

/** A RequestClient that sends the SDK's calls to `baseUrl` (the fake's `url`). */
export function createFakeTwilioHttpClient(baseUrl: string, options: { timeoutMs?: number } = {}): RequestClient {
  return new FakeTwilioHttpClient(baseUrl.replace(/\/$/, ""), options.timeoutMs ?? 2_000);
}
