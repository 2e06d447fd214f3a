// A real Twilio SDK client whose HTTP goes to a local fake Twilio server, for tests and benchmarks.
// Kept apart from the Vitest fixtures so scripts (npm run bench) can load it without Vitest.
import { createBaseUrlRequestClient } from "../base-url-request-client";
import type { FakeTwilioServer } from "./fake-twilio-server";
import { createTwilioClient } from "../twilio-client";

export const twilioClientFor = (fake: Pick<FakeTwilioServer, "url" | "accountSid" | "authToken">, timeoutMs = 300) =>
  createTwilioClient({
    accountSid: fake.accountSid,
    authToken: fake.authToken,
    from: "whatsapp:+14155238886",
    httpClient: createBaseUrlRequestClient(fake.url, { timeoutMs }),
  });
