import { CONTENT_SCRIPT_MATCHES } from './matches';

/** Reason a typed site address cannot become a match pattern. */
export type SiteInputProblem = 'empty' | 'scheme' | 'host' | 'wildcard' | 'builtIn';

export type SiteInputCheck =
  { ok: true; pattern: string } | { ok: false; problem: SiteInputProblem };

/** Letters, digits, dots and dashes: what a host name or IPv4 address is made of once URL has punycoded it. */
const HOST_CHARS = /^[a-z0-9.-]+$/;
const WILDCARD_PREFIX = '*.';

/**
 * Turns an address typed by the user into the match pattern of its origin:
 * "crm.example.com/contacts/42" becomes "https://crm.example.com/*". A
 * missing scheme means https. The port is dropped, because Firefox match
 * patterns cannot hold one, so the pattern covers every port of the host.
 * "*.example.com" stands for the domain and its subdomains; a wildcard over a
 * top-level domain ("*.com") is refused, since that is not one team's site.
 */
export function toOriginPattern(input: string): SiteInputCheck {
  const text = input.trim();
  if (text === '') return { ok: false, problem: 'empty' };

  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  // The wildcard is taken off before URL parses the rest: browsers write a
  // "*" in a host as "%2A", while Node keeps it.
  const parts = /^([a-z][a-z0-9+.-]*:\/\/)\*\.(.*)$/i.exec(withScheme);
  const wildcard = parts !== null;
  let url: URL;
  try {
    url = new URL(parts ? `${parts[1] ?? ''}${parts[2] ?? ''}` : withScheme);
  } catch {
    return { ok: false, problem: wildcard ? 'wildcard' : 'host' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, problem: 'scheme' };
  if (url.username !== '' || url.password !== '') return { ok: false, problem: 'host' };

  const domain = url.hostname;
  if (!HOST_CHARS.test(domain) || domain.split('.').some((label) => label === ''))
    return {
      ok: false,
      problem: wildcard || /\*|%2a/i.test(domain) ? 'wildcard' : 'host',
    };
  if (wildcard && !domain.includes('.')) return { ok: false, problem: 'wildcard' };

  const pattern = `${url.protocol}//${wildcard ? WILDCARD_PREFIX : ''}${domain}/*`;
  if (CONTENT_SCRIPT_MATCHES.some((builtIn) => patternCovers(builtIn, pattern)))
    return { ok: false, problem: 'builtIn' };
  return { ok: true, pattern };
}

function splitPattern(pattern: string): { scheme: string; host: string } | null {
  const match = /^(https?):\/\/([^/]+)\/\*$/.exec(pattern);
  return match ? { scheme: match[1] ?? '', host: match[2] ?? '' } : null;
}

function hostCovers(outer: string, inner: string): boolean {
  if (outer === inner) return true;
  if (!outer.startsWith(WILDCARD_PREFIX)) return false;

  const domain = outer.slice(WILDCARD_PREFIX.length);
  const innerDomain = inner.startsWith(WILDCARD_PREFIX)
    ? inner.slice(WILDCARD_PREFIX.length)
    : inner;
  return innerDomain === domain || innerDomain.endsWith(`.${domain}`);
}

/** Checks that `outer` matches every page `inner` matches. Both are origin patterns as made by toOriginPattern. */
export function patternCovers(outer: string, inner: string): boolean {
  const a = splitPattern(outer);
  const b = splitPattern(inner);
  return a !== null && b !== null && a.scheme === b.scheme && hostCovers(a.host, b.host);
}

/** Checks whether the pattern matches the page or server at `url`. */
export function patternMatchesUrl(pattern: string, url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return patternCovers(pattern, `${parsed.protocol}//${parsed.hostname}/*`);
}
