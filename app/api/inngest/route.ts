// GET|POST|PUT /api/inngest – the Inngest endpoint (used when INNGEST_* keys are set; otherwise a 404).
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";
import { env } from "@/lib/env";
import { inngestEndpoint } from "./inngest-endpoint";

export const { GET, POST, PUT } = inngestEndpoint(env.inngest, inngest, functions);
