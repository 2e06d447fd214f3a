// The only place that builds KV keys and decides their TTLs (seed "Schema Redis").
// Each helper returns { key, ttlSeconds } so a write can never forget its TTL.
//
// Of the seed's keys, Lastro writes only `mensagens_dia:{corretor}_{data}`: the broker's daily quota
// counter, taken atomically on every alert (Postgres recounts the day when the KV is down). The others
// are deliberately not kept:
// - `corretor:{id}` and `lead:{id}` (a read-through cache): the Orquestrador reads the event with its
//   lead, broker and listing in ONE Postgres query, and the intake reads the earlier lead and the
//   brokers in one statement inside its transaction; a KV read first would add a round trip, not save one.
// - `evento:{id}`: nothing reads an event by key; the pipeline passes ids and reads the row.
// - `fila_agrupamento:{corretor}`: Postgres is the grouping queue. An event waits while decided
//   `agrupar` with no digest yet, and the digest that tells it is linked in eventos.mensagem_agrupada_id
//   in the digest's own transaction; a KV copy could only drift from that.
// The login limiter's counters (falhas_login…) are Lastro's own, not the seed's.
import { createHash } from "node:crypto";
import { TZDate } from "@date-fns/tz";
import { addDays, format, startOfDay } from "date-fns";

export const SAO_PAULO_TZ = "America/Sao_Paulo";

export const KV_TTL_SECONDS = {
  // Kept a little past the São Paulo midnight that ends the counter's day.
  mensagensDiaMargin: 60 * 60,
  // Failed logins of one e-mail from one source are counted over this window (a lock may outlast it).
  falhasLogin: 15 * 60,
  // How many times that e-mail + source was locked: each lock lasts twice the previous one.
  bloqueiosLogin: 24 * 60 * 60,
  // Every attempt from one source, whatever the e-mail.
  tentativasLoginIp: 15 * 60,
  // Password checks by the whole deployment in one clock minute.
  verificacoesSenha: 2 * 60,
} as const;

export interface KvEntry {
  key: string;
  ttlSeconds: number;
}

// Ids are ours (`cor_01J…`) or seed ids; anything else could collide with or forge another key.
const ID_PATTERN = /^[A-Za-z0-9_.-]{1,50}$/;

export function assertKeyId(id: string, what: string): string {
  if (typeof id !== "string" || !ID_PATTERN.test(id)) {
    throw new Error(`KV: id de ${what} inválido para chave: ${JSON.stringify(id)}`);
  }
  return id;
}

/** The São Paulo calendar day of an instant, as AAAA-MM-DD. */
export function saoPauloDay(at: Date): string {
  return format(new TZDate(at.getTime(), SAO_PAULO_TZ), "yyyy-MM-dd");
}

/** Seconds from `at` until the next São Paulo midnight. */
export function secondsUntilSaoPauloMidnight(at: Date): number {
  const nextMidnight = startOfDay(addDays(new TZDate(at.getTime(), SAO_PAULO_TZ), 1));
  return Math.ceil((nextMidnight.getTime() - at.getTime()) / 1000);
}

function loginDigest(email: string, ip: string): string {
  return createHash("sha256").update(`${email.trim().toLowerCase()}\n${ip}`).digest("hex").slice(0, 32);
}

export const kvKeys = {
  /** The broker's message counter for the São Paulo day containing `at` (the moment of the write). */
  mensagensDia: (corretorId: string, at: Date): KvEntry => {
    if (Number.isNaN(at.getTime())) throw new Error("KV: data inválida para mensagens_dia");
    return {
      key: `mensagens_dia:${assertKeyId(corretorId, "corretor")}_${saoPauloDay(at)}`,
      ttlSeconds: secondsUntilSaoPauloMidnight(at) + KV_TTL_SECONDS.mensagensDiaMargin,
    };
  },
  /** Login attempts for one e-mail from one source; hashed, so no e-mail or address sits in the KV. */
  falhasLogin: (email: string, ip: string): KvEntry => ({
    key: `falhas_login:${loginDigest(email, ip)}`,
    ttlSeconds: KV_TTL_SECONDS.falhasLogin,
  }),
  /** How many times that e-mail + source has been locked lately. */
  bloqueiosLogin: (email: string, ip: string): KvEntry => ({
    key: `bloqueios_login:${loginDigest(email, ip)}`,
    ttlSeconds: KV_TTL_SECONDS.bloqueiosLogin,
  }),
  tentativasLoginIp: (ip: string): KvEntry => ({
    key: `tentativas_login_ip:${loginDigest("", ip)}`,
    ttlSeconds: KV_TTL_SECONDS.tentativasLoginIp,
  }),
  /**
   * The agency's follow-up cadence was swept for its local `dia`: dues change only at local midnight,
   * so later sweeps that day skip the scan. Losing it costs one more (idempotent) scan, nothing else.
   */
  followUpVarrido: (imobiliariaId: string, dia: string): KvEntry => ({
    key: `follow_up_varrido:${assertKeyId(imobiliariaId, "imobiliária")}_${assertKeyId(dia, "dia")}`,
    ttlSeconds: 36 * 60 * 60,
  }),
  /** Password checks in the UTC minute containing `at`, across every process. */
  verificacoesSenha: (at: Date): KvEntry => ({
    key: `verificacoes_senha:${at.toISOString().slice(0, 16)}`,
    ttlSeconds: KV_TTL_SECONDS.verificacoesSenha,
  }),
} as const;
