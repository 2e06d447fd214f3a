// The twilio SDK has no base-URL option, so this RequestClient rewrites https://api.twilio.com to
// another base: TWILIO_API_URL (a proxy, or the reliability suite's local fake) and the tests' fake.
import http from "node:http";
import https from "node:https";
import twilio from "twilio";
import type RequestClient from "twilio/lib/base/RequestClient";

const TWILIO_API = "https://api.twilio.com";

class BaseUrlRequestClient extends twilio.RequestClient {
  constructor(
    private readonly baseUrl: string,
    timeoutMs: number,
  ) {
    super({ timeout: timeoutMs, keepAlive: false });
    // A fresh connection per request, so a socket the other side destroyed is never reused.
    this.axios.defaults.httpAgent = new http.Agent({ keepAlive: false });
    this.axios.defaults.httpsAgent = new https.Agent({ keepAlive: false });
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    const uri = opts.uri.startsWith(TWILIO_API) ? this.baseUrl + opts.uri.slice(TWILIO_API.length) : opts.uri;
    return super.request({ ...opts, uri });
  }
}

/** A RequestClient that sends the SDK's calls to `baseUrl` instead of https://api.twilio.com. */
export function createBaseUrlRequestClient(baseUrl: string, options: { timeoutMs?: number } = {}): RequestClient {
  const parsed = new URL(baseUrl);
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new Error("a base do Twilio deve ser http(s)");
  return new BaseUrlRequestClient(baseUrl.replace(/\/$/, ""), options.timeoutMs ?? 2_000);
}
