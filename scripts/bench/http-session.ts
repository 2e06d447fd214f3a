// A logged-in HTTP client for benchmarks: the Auth.js credentials flow a browser goes through
// (csrf token and its cookie, then the form POST to the callback), keeping the cookies it sets.
// Pure parts (cookie parsing) are exported for tests; nothing here follows redirects on its own,
// so a page that sends the client back to /login is seen, not measured as a fast page.

export type CookieJar = Map<string, string>;

/**
 * Each `Set-Cookie` line's name and value (attributes dropped). A cookie set to an empty value or
 * already expired is a deletion: it comes back with value null.
 */
export function parseSetCookies(lines: string[]): Map<string, string | null> {
  const cookies = new Map<string, string | null>();
  for (const line of lines) {
    const [pair = "", ...attributes] = line.split(";");
    const eq = pair.indexOf("=");
    if (eq <= 0) continue;
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    const expired = attributes.some((a) => {
      const [key = "", raw = ""] = a.split("=").map((s) => s.trim());
      if (key.toLowerCase() === "max-age") return Number(raw) <= 0;
      if (key.toLowerCase() === "expires") return Date.parse(a.slice(a.indexOf("=") + 1).trim()) <= Date.now();
      return false;
    });
    cookies.set(name, value === "" || expired ? null : value);
  }
  return cookies;
}

/** The jar after a response's `Set-Cookie` lines: new values replace old ones, deletions remove them. */
export function mergeCookies(jar: CookieJar, lines: string[]): CookieJar {
  const next = new Map(jar);
  for (const [name, value] of parseSetCookies(lines)) {
    if (value === null) next.delete(name);
    else next.set(name, value);
  }
  return next;
}

export function cookieHeader(jar: CookieJar): string {
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}

/** Auth.js names its session cookie `authjs.session-token` (`__Secure-` over https; `.0`, `.1`… when chunked). */
export function hasSessionCookie(jar: CookieJar): boolean {
  return [...jar.keys()].some((name) => /^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(name));
}

export type Session = { cookie: string };

/** Logs in as a person would with JavaScript off: GET the csrf token, POST the credentials form. */
export async function login(baseUrl: string, email: string, senha: string): Promise<Session> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { redirect: "manual" });
  if (!csrf.ok) throw new Error(`GET /api/auth/csrf respondeu ${csrf.status}`);
  const { csrfToken } = (await csrf.json()) as { csrfToken?: string };
  if (!csrfToken) throw new Error("GET /api/auth/csrf não devolveu csrfToken");
  let jar = mergeCookies(new Map(), csrf.headers.getSetCookie());

  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
    body: new URLSearchParams({ email, senha, csrfToken, callbackUrl: `${baseUrl}/leads` }).toString(),
  });
  await res.arrayBuffer();
  jar = mergeCookies(jar, res.headers.getSetCookie());
  if (!hasSessionCookie(jar)) {
    throw new Error(`login de ${email} falhou: ${res.status} ${res.headers.get("location") ?? ""}`.trim());
  }
  return { cookie: cookieHeader(jar) };
}
