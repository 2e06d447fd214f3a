// Types of direct-lane-registry.mjs (plain JavaScript, so scripts/web-server.mjs can import it).
import type { IncomingMessage, ServerResponse } from "node:http";

/** A handler that serves some requests on node:http before Next.js's router sees them. */
export type DirectLane = {
  /** True when it took the request (the server must not pass it to Next.js). */
  serve(req: IncomingMessage, res: ServerResponse): boolean;
  /** Resolves when every request in flight and its after-response work has finished. */
  drain(): Promise<void>;
};

/** Called once per process, from inside Next's server bundle (instrumentation.ts). */
export function registerDirectLane(lane: DirectLane): void;
/** The registered lane; undefined under `next dev`, on Vercel, or before instrumentation.ts ran. */
export function getDirectLane(): DirectLane | undefined;
