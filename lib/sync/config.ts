export interface SyncConfig {
  apiUrl: string;
  accessToken: string;
}

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Returns the scheme for an address typed without one: http:// for a server on this machine, else https://. */
function defaultScheme(address: string): string {
  try {
    return LOOPBACK_HOSTS.has(new URL(`http://${address}`).hostname) ? 'http://' : 'https://';
  } catch {
    return 'https://';
  }
}

export type ApiUrlCheck = { ok: true; url: string } | { ok: false; message: string };

/**
 * Checks an API URL typed into the options page and returns it without a
 * trailing slash. HTTPS is required because the bearer token travels with
 * every request. Plain HTTP is accepted only for a server on this machine
 * (loopback), which is how the reference server runs in development and tests.
 * An address typed without a scheme gets http:// on loopback, else https://.
 */
export function validateApiUrl(input: string): ApiUrlCheck {
  const typed = input.trim();
  if (typed === '') return { ok: false, message: 'API URL is missing.' };
  const trimmed = /^[a-z][a-z0-9+.-]*:\/\//i.test(typed)
    ? typed
    : `${defaultScheme(typed)}${typed}`;

  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return {
      ok: false,
      message: `API URL "${trimmed}" is not a valid URL; enter it like https://dnc.example.com.`,
    };
  }

  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: `API URL must start with https://, got "${url.protocol}".` };
  }
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    return {
      ok: false,
      message: `API URL must use https:// for ${url.hostname}; http:// is allowed only for 127.0.0.1 and localhost.`,
    };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, message: 'API URL must not contain a user name or password.' };
  }
  if (url.search !== '' || url.hash !== '') {
    return { ok: false, message: 'API URL must not contain a query (?…) or fragment (#…).' };
  }

  return { ok: true, url: url.href.replace(/\/+$/, '') };
}

/**
 * Returns the first character of `token` that a token cannot contain, or
 * null when there is none. Tokens are printable ASCII, and fetch rejects a
 * header with a character above U+00FF before anything is sent, so such a
 * token would otherwise look like a network failure.
 */
export function invalidTokenCharacter(token: string): string | null {
  const match = /[^\x20-\x7e]/u.exec(token);
  return match ? match[0] : null;
}

/** True when both settings are filled in and the URL is acceptable. */
export function isSyncConfigured(config: SyncConfig): boolean {
  return config.accessToken.trim() !== '' && validateApiUrl(config.apiUrl).ok;
}
