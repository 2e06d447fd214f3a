import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError, asRetryable, ERROR_STATUS, type ErrorCode, errorResponse, validationError } from "./errors";
import { log } from "./log";

afterEach(() => {
  vi.restoreAllMocks();
});

async function read(res: Response) {
  return { status: res.status, body: (await res.json()) as { error: Record<string, unknown> } };
}

describe("AppError", () => {
  const expected: [ErrorCode, number][] = [
    ["invalid_json", 400],
    ["bad_request", 400],
    ["unauthorized", 401],
    ["forbidden", 403],
    ["invalid_signature", 403],
    ["not_found", 404],
    ["conflict", 409],
    ["payload_too_large", 413],
    ["unsupported_media_type", 415],
    ["validation_failed", 422],
    ["rate_limited", 429],
    ["service_unavailable", 503],
    ["internal", 500],
  ];

  it.each(expected)("%s → %i, as JSON { error: { code, message } }", async (code, status) => {
    vi.spyOn(log, "error").mockImplementation(() => {});
    expect(ERROR_STATUS[code]).toBe(status);
    const res = errorResponse(new AppError(code, "Mensagem para o usuário"));
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await read(res)).toEqual({ status, body: { error: { code, message: "Mensagem para o usuário" } } });
  });

  it("is an Error with code, status, details and cause", () => {
    const cause = new Error("raiz");
    const err = new AppError("conflict", "Lead já existe", { details: { leadId: "lead_1" }, cause });
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe("AppError");
    expect(err.code).toBe("conflict");
    expect(err.status).toBe(409);
    expect(err.details).toEqual({ leadId: "lead_1" });
    expect(err.cause).toBe(cause);
  });

  it("lets the status be overridden and keeps details out of the response", async () => {
    const res = errorResponse(
      new AppError("bad_request", "Portal desconhecido", { status: 410, details: { segredo: "x" } }),
    );
    const { status, body } = await read(res);
    expect(status).toBe(410);
    expect(JSON.stringify(body)).not.toContain("segredo");
  });

  it("sends extra headers such as retry-after", () => {
    const res = errorResponse(new AppError("rate_limited", "Muitas requisições", { headers: { "retry-after": "30" } }));
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("30");
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("does not log client errors", () => {
    const spy = vi.spyOn(log, "error").mockImplementation(() => {});
    errorResponse(new AppError("not_found", "Lead não encontrado"));
    expect(spy).not.toHaveBeenCalled();
  });
});

describe("ZodError → 422 validation_failed", () => {
  const schema = z
    .object({
      lead: z.object({
        phone: z.string().regex(/^\+\d{12,13}$/, "Telefone deve estar no formato +5511999990000"),
        email: z.email(),
        nome: z.string().min(1),
        orcamento: z.number().max(100_000_000),
      }),
      tipo: z.enum(["compra", "aluguel"]),
      itens: z.array(z.object({ quartos: z.number().int() })),
    })
    .strict();

  const input = {
    lead: { phone: "11987654321", email: "nao-é-email", nome: "", orcamento: 200_000_000 },
    tipo: "permuta",
    itens: [{ quartos: "dois" }],
    extra: true,
  };

  it("lists every failing field with its dotted path and a pt-BR message", async () => {
    const parsed = schema.safeParse(input);
    expect(parsed.success).toBe(false);
    const { status, body } = await read(errorResponse(parsed.error));
    expect(status).toBe(422);
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.message).toBe("Dados inválidos");
    expect(body.error.fields).toEqual([
      { path: "lead.phone", message: "Telefone deve estar no formato +5511999990000" },
      { path: "lead.email", message: "E-mail inválido" },
      { path: "lead.nome", message: "Não pode ficar vazio" },
      { path: "lead.orcamento", message: "Deve ser menor ou igual a 100000000" },
      { path: "tipo", message: 'Opção inválida: use "compra", "aluguel"' },
      { path: "itens.0.quartos", message: "Tipo inválido: esperava número" },
      { path: "", message: "Campo não permitido: extra" },
    ]);
  });

  it("reports missing fields as required", () => {
    const parsed = z.object({ lead: z.object({ phone: z.string() }) }).safeParse({ lead: {} });
    expect(validationError(parsed.error!).fields).toEqual([{ path: "lead.phone", message: "Campo obrigatório" }]);
  });

  it("translates sizes and formats", () => {
    const parsed = z
      .object({
        a: z.string().min(3),
        b: z.array(z.string()).max(2),
        c: z.number().gt(0),
        d: z.string().startsWith("lead_"),
      })
      .safeParse({ a: "x", b: ["1", "2", "3"], c: 0, d: "x" });
    expect(validationError(parsed.error!).fields?.map((f) => f.message)).toEqual([
      "Deve ter pelo menos 3 caracteres",
      "Deve ter no máximo 2 itens",
      "Deve ser maior que 0",
      'Deve começar com "lead_"',
    ]);
  });

  it("validationError returns an AppError carrying the ZodError as cause", () => {
    const parsed = z.string().safeParse(1);
    const err = validationError(parsed.error!);
    expect(err).toBeInstanceOf(AppError);
    expect(err.status).toBe(422);
    expect(err.cause).toBe(parsed.error);
  });
});

describe("unknown errors → 500 internal", () => {
  it("answers a generic pt-BR message without the original message or stack, and logs it", async () => {
    const spy = vi.spyOn(log, "error").mockImplementation(() => {});
    const boom = new Error("conexão recusada em 10.0.0.5 para 11987654321");
    const { status, body } = await read(errorResponse(boom));
    expect(status).toBe(500);
    expect(body).toEqual({ error: { code: "internal", message: "Erro interno. Tente novamente em instantes." } });
    const text = JSON.stringify(body);
    expect(text).not.toContain("conexão recusada");
    expect(text).not.toContain("at ");
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]?.[0]).toBe("http.error");
    expect(spy.mock.calls[0]?.[1]).toMatchObject({ code: "internal", status: 500, err: boom });
  });

  it("handles thrown non-errors", async () => {
    vi.spyOn(log, "error").mockImplementation(() => {});
    for (const thrown of ["texto", 42, null, undefined, { weird: true }]) {
      const { status, body } = await read(errorResponse(thrown));
      expect(status).toBe(500);
      expect(body.error.code).toBe("internal");
    }
  });

  it("logs 5xx AppErrors with their details", () => {
    const spy = vi.spyOn(log, "error").mockImplementation(() => {});
    const err = new AppError("service_unavailable", "Serviço indisponível", { details: { dependency: "twilio" } });
    expect(errorResponse(err).status).toBe(503);
    expect(spy).toHaveBeenCalledWith(
      "http.error",
      expect.objectContaining({ code: "service_unavailable", details: { dependency: "twilio" }, err }),
    );
  });
});

describe("asRetryable (webhooks whose sender retries on 5xx)", () => {
  it("keeps the client's faults as they are and turns anything else into a 503 with Retry-After", () => {
    const refused = new AppError("unauthorized", "Credenciais inválidas");
    expect(asRetryable(refused, "tente novamente")).toBe(refused);
    const zodError = z.object({ a: z.string() }).safeParse({}).error!;
    expect(asRetryable(zodError, "tente novamente")).toBe(zodError);

    const boom = new Error("banco fora do ar");
    const retry = asRetryable(boom, "Falha temporária; tente novamente");
    expect(retry).toBeInstanceOf(AppError);
    expect(retry).toMatchObject({
      code: "service_unavailable",
      status: 503,
      message: "Falha temporária; tente novamente",
      cause: boom,
      headers: { "retry-after": "30" },
    });
  });
});
