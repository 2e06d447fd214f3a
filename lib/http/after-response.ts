// Work a route answers before doing: Next's `after` runs it once the response is sent.
import { after } from "next/server";

/**
 * Schedules `work` after the response when called inside a Next request; returns false outside one
 * (a test or script calling a route's handler directly), where the caller must run it itself.
 */
export function scheduleAfterResponse(work: () => Promise<void>): boolean {
  try {
    after(work);
    return true;
  } catch {
    return false; // `after` throws synchronously outside a request scope
  }
}
