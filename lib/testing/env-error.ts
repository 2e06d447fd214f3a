// Test support only: the EnvError that parseEnv raises for `source`, for tests of refused settings.
import { EnvError, parseEnv } from "@/lib/env";

export function envError(source: Record<string, string>): EnvError {
  try {
    parseEnv(source);
  } catch (err) {
    if (err instanceof EnvError) return err;
    throw err;
  }
  throw new Error("parseEnv aceitou a configuração");
}
