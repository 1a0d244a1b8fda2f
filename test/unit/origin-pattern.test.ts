import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { patternCovers, patternMatchesUrl, toOriginPattern } from '../../lib/sites/origin-pattern';

describe('toOriginPattern', () => {
  it.each([
    ['https://crm.example.com', 'https://crm.example.com/*'],
    ['crm.example.com', 'https://crm.example.com/*'],
    ['  https://crm.example.com/  ', 'https://crm.example.com/*'],
    ['https://crm.example.com/contacts/42?tab=calls#top', 'https://crm.example.com/*'],
    ['HTTPS://CRM.Example.COM', 'https://crm.example.com/*'],
    ['http://intranet.example.com', 'http://intranet.example.com/*'],
    ['https://crm.example.com:8443/app', 'https://crm.example.com/*'],
    ['crm.example.com:8069', 'https://crm.example.com/*'],
    ['http://crm', 'http://crm/*'],
    ['http://10.1.2.3:8080/', 'http://10.1.2.3/*'],
    ['http://127.0.0.2:5000', 'http://127.0.0.2/*'],
    ['https://*.example.com', 'https://*.example.com/*'],
    ['*.example.com', 'https://*.example.com/*'],
    ['https://*.crm.example.co.uk/*', 'https://*.crm.example.co.uk/*'],
    ['https://bücher.example', 'https://xn--bcher-kva.example/*'],
    ['https://localhost', 'https://localhost/*'],
  ])('turns %j into %s', (input, pattern) => {
    expect(toOriginPattern(input)).toEqual({ ok: true, pattern });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['ftp://files.example.com', 'scheme'],
    ['file:///home/agent/crm.html', 'scheme'],
    ['chrome://extensions', 'scheme'],
    ['https://', 'host'],
    ['https://user:secret@crm.example.com', 'host'],
    ['mailto:agent@example.com', 'host'],
    ['javascript:alert(1)', 'host'],
    ['crm example com', 'host'],
    ['https://[::1]/', 'host'],
    ['https://crm..example.com', 'host'],
    ['*', 'wildcard'],
    ['https://*', 'wildcard'],
    ['https://*.com', 'wildcard'],
    ['https://crm.*.example.com', 'wildcard'],
    ['https://c*m.example.com', 'wildcard'],
    ['https://*.*.example.com', 'wildcard'],
    ['http://127.0.0.1:3000', 'builtIn'],
    ['http://localhost', 'builtIn'],
    ['https://acme.my.salesforce.com/lightning', 'builtIn'],
    ['https://*.lightning.force.com', 'builtIn'],
    ['https://app.hubspot.com', 'builtIn'],
  ])('rejects %j (%s)', (input, problem) => {
    expect(toOriginPattern(input)).toEqual({ ok: false, problem });
  });
});

/** URL as browsers parse it: a "*" in a host comes out as "%2A", where Node keeps it. */
class BrowserUrl extends URL {
  override get hostname(): string {
    return super.hostname.replaceAll('*', '%2A');
  }
}

describe('toOriginPattern with browser URL parsing', () => {
  beforeEach(() => vi.stubGlobal('URL', BrowserUrl));
  afterEach(() => vi.unstubAllGlobals());

  it.each([
    ['*.example.test', 'https://*.example.test/*'],
    ['https://*.example.com', 'https://*.example.com/*'],
  ])('turns %j into %s', (input, pattern) => {
    expect(toOriginPattern(input)).toEqual({ ok: true, pattern });
  });

  it.each([
    ['https://*.com', 'wildcard'],
    ['https://crm.*.example.com', 'wildcard'],
  ])('rejects %j (%s)', (input, problem) => {
    expect(toOriginPattern(input)).toEqual({ ok: false, problem });
  });
});

describe('patternCovers', () => {
  it.each([
    ['https://*.example.com/*', 'https://crm.example.com/*', true],
    ['https://*.example.com/*', 'https://example.com/*', true],
    ['https://*.example.com/*', 'https://*.crm.example.com/*', true],
    ['https://crm.example.com/*', 'https://crm.example.com/*', true],
    ['https://crm.example.com/*', 'https://*.example.com/*', false],
    ['https://*.example.com/*', 'http://crm.example.com/*', false],
    ['https://*.example.com/*', 'https://badexample.com/*', false],
  ])('%s covers %s: %s', (outer, inner, covers) => {
    expect(patternCovers(outer, inner)).toBe(covers);
  });

  it('matches URLs on any port of the host', () => {
    expect(patternMatchesUrl('https://crm.example.com/*', 'https://crm.example.com:8443/api')).toBe(
      true,
    );
    expect(patternMatchesUrl('https://crm.example.com/*', 'https://api.example.com/')).toBe(false);
    expect(patternMatchesUrl('https://crm.example.com/*', 'not a url')).toBe(false);
  });
});
