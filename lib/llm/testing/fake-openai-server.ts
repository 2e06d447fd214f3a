// Test support: a local stand-in for an OpenAI-compatible chat completions endpoint. Tests (and the
// `pipeline --llm` bench) point the real `@ai-sdk/openai` provider at it with OPENAI_BASE_URL, script
// each answer (JSON for a structured output, text, a delay, an error, a hang) and read every request
// to check what the model was told — no test ever reaches the internet.
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";

export type ChatRequest = {
  model: string;
  messages: { role: string; content: string }[];
  /** Present when the caller asked for a structured output. */
  responseFormat: { type: string; json_schema?: { name?: string; schema?: unknown } } | null;
};

export type FakeAnswer =
  | { kind: "content"; content: string; delayMs?: number; finishReason?: "stop" | "content_filter" | "length" }
  | { kind: "error"; status: number; message?: string; delayMs?: number }
  /** Never answers: the caller's timeout decides. */
  | { kind: "hang" };

export type FakeOpenAiServer = {
  /** Give as OPENAI_BASE_URL / createOpenAI({ baseURL }). */
  baseUrl: string;
  requests: ChatRequest[];
  /** How each request is answered (the default echoes nothing useful: set it). */
  answer: (req: ChatRequest) => FakeAnswer | Promise<FakeAnswer>;
  close: () => Promise<void>;
};

export async function startFakeOpenAiServer(
  answer: FakeOpenAiServer["answer"] = () => ({ kind: "content", content: "ok" }),
): Promise<FakeOpenAiServer> {
  const sockets = new Set<Socket>();
  const fake: FakeOpenAiServer = { baseUrl: "", requests: [], answer, close: async () => {} };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
          res.writeHead(404, { "content-type": "application/json" }).end('{"error":{"message":"not found"}}');
          return;
        }
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
        const request: ChatRequest = {
          model: String(body.model),
          messages: (body.messages as { role: string; content: unknown }[]).map((m) => ({
            role: m.role,
            content: typeof m.content === "string" ? m.content : JSON.stringify(m.content),
          })),
          responseFormat: (body.response_format as ChatRequest["responseFormat"]) ?? null,
        };
        fake.requests.push(request);
        const a = await fake.answer(request);
        if (a.kind === "hang") return;
        if (a.delayMs) await new Promise((r) => setTimeout(r, a.delayMs));
        if (res.destroyed) return;
        if (a.kind === "error") {
          res
            .writeHead(a.status, { "content-type": "application/json" })
            .end(JSON.stringify({ error: { message: a.message ?? "erro simulado", type: "server_error" } }));
          return;
        }
        const promptTokens = Math.ceil(request.messages.map((m) => m.content).join(" ").length / 4);
        const completionTokens = Math.ceil(a.content.length / 4);
        res.writeHead(200, { "content-type": "application/json" }).end(
          JSON.stringify({
            id: `chatcmpl-${fake.requests.length}`,
            object: "chat.completion",
            created: Math.floor(Date.now() / 1000),
            model: request.model,
            choices: [
              { index: 0, message: { role: "assistant", content: a.content }, finish_reason: a.finishReason ?? "stop" },
            ],
            usage: {
              prompt_tokens: promptTokens,
              completion_tokens: completionTokens,
              total_tokens: promptTokens + completionTokens,
            },
          }),
        );
      })();
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return fake;
}

/**
 * A well-behaved model for the whole pipeline: an analysis for a structured request, a message that
 * keeps every fact for a Conselheiro prompt (`<dados>`), a greeting by first name for a reply draft.
 */
export function plausibleAnswer(req: ChatRequest): FakeAnswer {
  if (req.responseFormat)
    return {
      kind: "content",
      content: JSON.stringify({
        intencao: "visita",
        sentimento: "positivo",
        objecoes: [],
        proximoPasso: "Ligar e marcar.",
      }),
    };
  const prompt = req.messages.at(-1)?.content ?? "";
  const campo = (nome: string) => new RegExp(`^${nome}: (.*)$`, "m").exec(prompt)?.[1]?.trim() ?? "";
  if (prompt.includes("<dados>")) {
    const codigo = /\(([^)]+)\)/.exec(campo("imovel"))?.[1];
    return {
      kind: "content",
      content: `*${campo("primeiroNome").split(" ")[0]} quer visitar!* Score ${campo("score")}.${codigo ? ` Imóvel ${codigo}.` : ""}`,
    };
  }
  return { kind: "content", content: `Olá, ${campo("Cliente")}! Quer marcar uma visita esta semana?` };
}
