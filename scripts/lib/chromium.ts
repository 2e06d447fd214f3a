// Where Playwright finds Chromium: Debian's package, since `playwright install` needs a download.
import { accessSync, constants } from "node:fs";

export const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-quic",
  "--disable-sync",
];

export function chromiumPath(source: NodeJS.ProcessEnv = process.env): string {
  return source.CHROMIUM_PATH?.trim() || DEFAULT_CHROMIUM_PATH;
}

export function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
