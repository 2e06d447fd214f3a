// Decides whether `npm start` must run `next build`: no build yet, or a source, asset or config
// file changed after the last one. Tests do not end up in the bundle, so they never count.
import { readdir, stat } from "node:fs/promises";
import path from "node:path";

export const BUILD_SOURCE_DIRS = ["app", "components", "lib", "agents", "inngest", "public"] as const;
export const BUILD_CONFIG_FILES = [
  "next.config.ts",
  "package.json",
  "package-lock.json",
  "tsconfig.json",
  "postcss.config.mjs",
  "instrumentation.ts",
  "proxy.ts",
] as const;

const isTestFile = (name: string) => /\.(test|spec)\.[cm]?[jt]sx?$/.test(name);

async function mtimeOf(file: string): Promise<number | null> {
  try {
    return (await stat(file)).mtimeMs;
  } catch {
    return null;
  }
}

/** The first file under `dir` modified after `since`, or null. */
async function findNewerFile(dir: string, since: number): Promise<string | null> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return null; // a folder the project does not have (yet) cannot be stale
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === "node_modules") continue;
      const found = await findNewerFile(full, since);
      if (found) return found;
    } else if (entry.isFile() && !isTestFile(entry.name)) {
      const mtime = await mtimeOf(full);
      if (mtime !== null && mtime > since) return full;
    }
  }
  return null;
}

/** Why a build is needed, in pt-BR, or null when `.next/BUILD_ID` is newer than every input. */
export async function findBuildReason(root: string): Promise<string | null> {
  const builtAt = await mtimeOf(path.join(root, ".next", "BUILD_ID"));
  if (builtAt === null) return "nenhum build encontrado";
  for (const file of BUILD_CONFIG_FILES) {
    const mtime = await mtimeOf(path.join(root, file));
    if (mtime !== null && mtime > builtAt) return `${file} mudou desde o último build`;
  }
  for (const dir of BUILD_SOURCE_DIRS) {
    const newer = await findNewerFile(path.join(root, dir), builtAt);
    if (newer) return `${path.relative(root, newer)} mudou desde o último build`;
  }
  return null;
}
