// Prefixed, time-sortable ids (`lead_01JD…`) for the seed's VARCHAR(50) primary keys.
import { randomBytes } from "node:crypto";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export const ID_PREFIXES = ["imob", "cor", "usr", "imv", "lead", "evt", "msg", "ent", "int", "inc", "key"] as const;
export type IdPrefix = (typeof ID_PREFIXES)[number];

function encodeTime(ms: number): string {
  let out = "";
  let t = ms;
  for (let i = 0; i < 10; i++) {
    out = CROCKFORD[t % 32] + out;
    t = Math.floor(t / 32);
  }
  return out;
}

function encodeRandom(bytes: Buffer): string {
  let out = "";
  for (let i = 0; i < 16; i++) out += CROCKFORD[bytes[i]! % 32];
  return out;
}

// One getrandom call per 256 ids instead of one per id: ids are made on every intake.
let pool = Buffer.alloc(0);
let poolOffset = 0;
function randomSixteen(): Buffer {
  if (poolOffset + 16 > pool.length) {
    pool = randomBytes(4096);
    poolOffset = 0;
  }
  poolOffset += 16;
  return pool.subarray(poolOffset - 16, poolOffset);
}

/** A ULID-style id: 10 time characters then 16 random ones, so ids sort by creation time. */
export function newId(prefix: IdPrefix, now: number = Date.now(), random: Buffer = randomSixteen()): string {
  if (!ID_PREFIXES.includes(prefix)) throw new Error(`prefixo de id desconhecido: ${prefix}`);
  if (random.length < 16) throw new Error("newId precisa de 16 bytes aleatórios");
  return `${prefix}_${encodeTime(now)}${encodeRandom(random)}`;
}
