// @ts-check
// Where scripts/web-server.mjs finds the portal webhooks' direct lane (docs/decisions/direct-lane.md).
// The lane is registered from inside Next's server bundle (instrumentation.ts) and read by the plain
// node:http server outside it: each side has its own copy of this module, so the lane is kept on
// globalThis under a well-known symbol, and this module is the only code that touches it.
// Plain JavaScript, because the web server runs under node without a TypeScript loader; its types
// are in direct-lane-registry.d.mts.

/** @typedef {import("./direct-lane-registry.mjs").DirectLane} DirectLane */

const KEY = Symbol.for("lastro.directLane");
const holder = /** @type {Record<symbol, DirectLane | undefined>} */ (/** @type {unknown} */ (globalThis));

/** @param {DirectLane} lane */
export function registerDirectLane(lane) {
  holder[KEY] = lane;
}

/** @returns {DirectLane | undefined} */
export function getDirectLane() {
  return holder[KEY];
}
