// `npm run bench -- <name>`: benchmarks print figures; tests never time things.
const BENCHES: Record<string, () => Promise<{ main(args: string[]): Promise<void> }>> = {
  analyzer: () => import("./analyzer"),
  summaries: () => import("./summaries"),
  dashboard: () => import("./dashboard"),
  ingest: () => import("./ingest"),
  pipeline: () => import("./pipeline"),
};

async function run(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  const load = name ? BENCHES[name] : undefined;
  if (!load) {
    console.error(`Uso: npm run bench -- <${Object.keys(BENCHES).join("|")}> [opções]`);
    process.exitCode = 2;
    return;
  }
  await (await load()).main(args);
}

run().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
