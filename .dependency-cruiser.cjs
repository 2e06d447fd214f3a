// The import rules that keep the layers (ARCHITECTURE.md, "Layers"): app → inngest → agents → lib,
// with components beside app and scripts on top. `npm run lint:imports` checks them; CI runs it.
// Tests (and their `testing/` helpers) may drive a lower layer through an upper one (a webhook test
// posts to the route), so the layer rules look at production code only; circles are refused everywhere.
const TEST = "(\\.test\\.tsx?$|/testing/)";

/** `from` may not import `to`: one rule per pair of layers. */
const upward = (name, from, to) => ({
  name,
  severity: "error",
  comment: `${from} is below ${to}: move the shared code down, or pass it in as a dependency`,
  from: { path: `^${from}/`, pathNot: TEST },
  to: { path: `^(${to})/` },
});

module.exports = {
  forbidden: [
    { name: "no-circular", severity: "error", from: {}, to: { circular: true } },
    upward("lib-is-the-base", "lib", "agents|inngest|app|components|scripts"),
    upward("agents-below-jobs", "agents", "inngest|app|components|scripts"),
    upward("jobs-below-app", "inngest", "app|components|scripts"),
    upward("components-below-app", "components", "app|inngest|scripts"),
    upward("app-below-scripts", "app", "scripts"),
    {
      name: "wire-stays-in-db",
      severity: "error",
      comment: "statement pipelining (lib/db/wire) is lib/db's own business: use a lib/db unit of work",
      from: { path: "^", pathNot: "^lib/db/" },
      to: { path: "^lib/db/wire/" },
    },
    {
      name: "no-test-code-in-production",
      severity: "error",
      comment:
        "fakes and fixtures are for tests (and the benchmarks and the reliability suite, which run against the same fakes)",
      from: { path: "^", pathNot: `${TEST}|^scripts/bench/|^scripts/reliability/` },
      to: { path: TEST },
    },
  ],
  options: {
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|\\.next|\\.data)/" },
  },
};
