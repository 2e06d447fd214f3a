// The Inngest endpoint's handlers for this instance's configuration. Without INNGEST_* keys the
// pipeline runs in-process and nothing here is for anyone: a 404 that says so, not the 500 that
// inngest's serve() gives in cloud mode without a signing key (it answered that to anyone).
import type { Inngest, InngestFunction } from "inngest";
import { serve } from "inngest/next";
import { AppError, errorResponse } from "@/lib/errors";
import type { Env } from "@/lib/env";

export type InngestHandlers = Pick<ReturnType<typeof serve>, "GET" | "POST" | "PUT">;

const NOT_CONFIGURED =
  "O Inngest não está configurado nesta instância: o pipeline roda no próprio servidor (defina INNGEST_EVENT_KEY e INNGEST_SIGNING_KEY para usá-lo).";
const NO_SIGNING_KEY =
  "O Inngest está sem INNGEST_SIGNING_KEY: esta instância não pode verificar as chamadas dele (ou defina INNGEST_DEV=1 para o servidor local).";

function answerAlways(error: AppError): InngestHandlers {
  const handler = async () => errorResponse(error);
  return { GET: handler, POST: handler, PUT: handler };
}

export function inngestEndpoint(
  config: Env["inngest"],
  client: Inngest.Any,
  functions: InngestFunction.Any[],
): InngestHandlers {
  if (!config) return answerAlways(new AppError("not_found", NOT_CONFIGURED));
  if (!config.dev && !config.signingKey) return answerAlways(new AppError("service_unavailable", NO_SIGNING_KEY));
  const { GET, POST, PUT } = serve({ client, functions });
  return { GET, POST, PUT };
}
