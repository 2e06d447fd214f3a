// Password checks off the event loop: native bcrypt compares on libuv's thread pool, so a login
// flood never stalls portal deliveries on the main thread. It verifies the $2a/$2b hashes bcryptjs
// wrote (the demo seed still writes them with bcryptjs, for its reproducible salts).
import bcrypt from "bcrypt";

export interface PasswordChecker {
  /** Whether `senha` matches the stored bcrypt hash; the work runs off the main thread. */
  compare(senha: string, hash: string): Promise<boolean>;
  /**
   * Waits as long as a typical `compare`, without hashing: an unknown e-mail answers in the same
   * time as a wrong password and costs no CPU.
   */
  waitLikeCompare(): Promise<void>;
}

// A cost-10 compare on a modest core; replaced by what this process measures as soon as it checks.
const INITIAL_COMPARE_MS = 80;
// The moving average follows the machine without letting one slow check (a busy pool) swing it.
const SMOOTHING = 0.2;

export function createPasswordChecker(): PasswordChecker {
  let typicalMs = INITIAL_COMPARE_MS;
  return {
    async compare(senha, hash) {
      const started = performance.now();
      try {
        return await bcrypt.compare(senha, hash);
      } finally {
        typicalMs += SMOOTHING * (performance.now() - started - typicalMs);
      }
    },
    waitLikeCompare() {
      return new Promise((resolve) => setTimeout(resolve, typicalMs));
    },
  };
}

/** A bcrypt hash of `senha` (cost 10), computed off the main thread. */
export function hashPassword(senha: string): Promise<string> {
  return bcrypt.hash(senha, 10);
}
