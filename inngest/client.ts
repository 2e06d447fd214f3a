// The Inngest client. Keys come from lib/env.ts; without them the embedded runner (inngest/embedded) is used instead.
import { Inngest } from "inngest";
import { env } from "@/lib/env";

export const inngest = new Inngest({
  id: "lastro",
  eventKey: env.inngest?.eventKey,
  signingKey: env.inngest?.signingKey,
  isDev: env.inngest?.dev ?? false,
  baseUrl: env.inngest?.baseUrl,
});
