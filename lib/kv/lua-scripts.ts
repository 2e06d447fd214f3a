// Lua run atomically inside Redis, shared by the ioredis and Vercel KV adapters so both
// stores enforce the quota with exactly the same logic.

/**
 * KEYS[1] counter, ARGV[1] limit, ARGV[2] ttl seconds → { allowed (0|1), count }.
 * The TTL is also set when the key exists without one, so a counter can never live forever.
 */
export const INCREMENT_IF_BELOW_LUA = `
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local limit = tonumber(ARGV[1])
if current >= limit then
  return {0, current}
end
local count = redis.call('INCR', KEYS[1])
if redis.call('TTL', KEYS[1]) < 0 then
  redis.call('EXPIRE', KEYS[1], ARGV[2])
end
return {1, count}
`;

/** KEYS[1] counter → new value; never below 0, never creates the key (DECR keeps the TTL). */
export const DECREMENT_FLOOR_ZERO_LUA = `
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if current <= 0 then
  return 0
end
return redis.call('DECR', KEYS[1])
`;

/** Turns the script's `{allowed, count}` reply into the interface's shape. */
export function parseIncrementReply(reply: unknown): { allowed: boolean; count: number } {
  if (!Array.isArray(reply) || reply.length !== 2) {
    throw new Error(`KV: resposta inesperada do script incrementIfBelow: ${JSON.stringify(reply)}`);
  }
  return { allowed: Number(reply[0]) === 1, count: Number(reply[1]) };
}
