import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { genericAdapter } from '../../lib/sites/generic';
import { ADAPTERS, adapterFor, readRecordOnPage } from '../../lib/sites/registry';
import { recordSnapshotSchema, type SiteAdapter } from '../../lib/sites/types';
import { loadHtml } from './harness';

const SITE_FIXTURES = join(__dirname, '..', 'fixtures', 'pages', 'sites');
const SITES_SOURCE = join(__dirname, '..', '..', 'lib', 'sites');

const FIXTURE_NAME = /^(?<adapter>[a-z0-9-]+)-record-(?<date>\d{4}-\d{2}-\d{2})\.html$/;

interface Expected {
  url: string;
  adapter: string;
  system: string;
  recordId: string | null;
  name: string | null;
  phones: string[];
  emails: string[];
}

const fixtures = readdirSync(SITE_FIXTURES)
  .filter((file) => FIXTURE_NAME.test(file))
  .map((file) => {
    const expectedFile = file.replace(/\.html$/, '.expected.json');
    const expected = JSON.parse(
      readFileSync(join(SITE_FIXTURES, expectedFile), 'utf8'),
    ) as Expected;
    return { file, expected };
  });

/**
 * Turns every `<template shadowrootmode="open">` into an open shadow root of
 * its parent, nested templates included. jsdom's DOMParser, like browsers'
 * DOMParser, leaves declarative shadow DOM as inert templates.
 */
function attachDeclarativeShadowRoots(root: ParentNode): void {
  for (const template of root.querySelectorAll<HTMLTemplateElement>(
    'template[shadowrootmode="open"]',
  )) {
    const host = template.parentElement;
    if (!host) continue;

    const shadow = host.attachShadow({ mode: 'open' });
    shadow.append(template.content.cloneNode(true));
    template.remove();
    attachDeclarativeShadowRoots(shadow);
  }
}

function loadSiteFixture(file: string): void {
  loadHtml(readFileSync(join(SITE_FIXTURES, file), 'utf8'));
  attachDeclarativeShadowRoots(document);
}

afterEach(() => {
  document.documentElement.replaceChildren();
});

describe('site fixtures', () => {
  it.each(fixtures.map(({ file, expected }) => [file, expected] as const))(
    '%s reads as expected',
    (file, expected) => {
      loadSiteFixture(file);
      const url = new URL(expected.url);

      const adapter = adapterFor(url);
      const snapshot = adapter.readRecord(document, url);

      expect(adapter.id).toBe(expected.adapter);
      expect(snapshot).not.toBeNull();
      expect(snapshot!.system).toBe(expected.system);
      expect(snapshot!.recordId).toBe(expected.recordId);
      expect(snapshot!.name).toBe(expected.name);
      expect(snapshot!.phones).toEqual(expected.phones);
      expect(snapshot!.emails).toEqual(expected.emails);
      expect(snapshot!.url).toBe(url.href);
      expect(snapshot!.title).toBe(document.title);
      expect(recordSnapshotSchema.safeParse(snapshot).success).toBe(true);
    },
  );

  it('salesforce fixture has real shadow roots', () => {
    loadSiteFixture('salesforce-record-2026-12-04.html');

    expect(document.querySelector('records-highlights2:not([slot])')).not.toBeNull();
    expect(document.querySelectorAll('template[shadowrootmode]')).toHaveLength(0);
    expect(document.body.textContent).not.toContain('+49 30 901820');
  });

  it('salesforce skips the hidden console tab and related lists', () => {
    loadSiteFixture('salesforce-record-2026-12-04.html');
    const url = new URL(
      'https://example-dev-ed.lightning.force.com/lightning/r/Contact/003XX00000AbCdEQAZ/view',
    );

    const snapshot = adapterFor(url).readRecord(document, url)!;

    expect(snapshot.name).not.toBe('Ben Ortiz');
    expect(snapshot.phones).not.toContain('(212) 555-0166');
    expect(snapshot.phones).not.toContain('(212) 555-0199');
    expect(snapshot.emails).not.toContain('carla.diaz@example.com');
  });

  it('twilio flex leaves out the task list', () => {
    loadSiteFixture('twilio-flex-record-2026-12-04.html');
    const url = new URL('https://flex.twilio.com/agent-desktop/');

    const snapshot = adapterFor(url).readRecord(document, url)!;

    expect(snapshot.phones).not.toContain('+1 212 555 0170');
  });
});

describe('adapter selection', () => {
  it.each([
    ['https://acme.lightning.force.com/lightning/r/Contact/003XX00000AbCdEQAZ/view', 'salesforce'],
    ['https://acme.my.salesforce.com/003XX00000AbCdE', 'salesforce'],
    ['https://app.hubspot.com/contacts/1/record/0-1/2', 'hubspot'],
    ['https://app-na2.hubspot.com/contacts/1/record/0-1/2', 'hubspot'],
    ['https://crm.zoho.com.au/crm/org1/tab/Contacts/2', 'zoho'],
    ['https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=contact', 'dynamics'],
    ['https://app.pipedrive.com/person/3', 'pipedrive'],
    ['https://flex.twilio.com/agent-desktop/', 'twilio-flex'],
    ['https://workspace.aircall.io/', 'aircall'],
    ['https://app.five9.com/clients/integrations/adt.main.html', 'five9'],
    ['https://apps.usw2.pure.cloud/directory/', 'genesys'],
    ['https://example.awsapps.com/connect/ccp-v2/', 'amazon-connect'],
    ['https://example.my.connect.aws/agent-app-v2/', 'amazon-connect'],
    ['https://example.awsapps.com/workdocs/', 'generic'],
    ['https://www.zoho.com/crm/', 'generic'],
    ['https://www.five9.com/products', 'generic'],
    ['http://127.0.0.1:5173/crm-record.html', 'generic'],
    [
      'https://salesforce.com.attacker.example/lightning/r/Contact/003XX00000AbCdEQAZ/view',
      'generic',
    ],
  ])('%s goes to %s', (url, id) => {
    expect(adapterFor(new URL(url)).id).toBe(id);
  });

  it('adapter ids are unique', () => {
    const ids = ADAPTERS.map((adapter) => adapter.id);

    expect(new Set(ids).size).toBe(ids.length);
  });

  it('readRecordOnPage falls back to generic when an adapter throws', () => {
    loadHtml('<h1>Ana García</h1><a href="tel:+442079460018">+44 20 7946 0018</a>');
    const url = new URL(
      'https://acme.lightning.force.com/lightning/r/Contact/003XX00000AbCdEQAZ/view',
    );
    const salesforce = ADAPTERS.find((adapter) => adapter.id === 'salesforce') as SiteAdapter;
    const original = salesforce.readRecord;
    salesforce.readRecord = () => {
      throw new Error('unexpected shape');
    };

    try {
      const snapshot = readRecordOnPage(document, url);

      expect(snapshot!.system).toBe('acme.lightning.force.com');
      expect(snapshot!.phones).toEqual(['+44 20 7946 0018']);
    } finally {
      salesforce.readRecord = original;
    }
  });

  it('readRecordOnPage uses the matching adapter', () => {
    loadHtml('<span data-selenium-test="highlightTitle">Jonas Weber</span>');

    const snapshot = readRecordOnPage(
      document,
      new URL('https://app.hubspot.com/contacts/9/record/0-1/77'),
    );

    expect(snapshot).toMatchObject({ system: 'hubspot', recordId: '77', name: 'Jonas Weber' });
  });
});

describe('adapter house rules', () => {
  it.each(ADAPTERS.map((adapter) => [adapter.id]))(
    '%s has a dated fixture with expectations',
    (id) => {
      const own = fixtures.filter(({ file }) => FIXTURE_NAME.exec(file)?.groups?.adapter === id);

      expect(own.length).toBeGreaterThan(0);
      for (const { expected } of own) expect(expected.adapter).toBe(id);
    },
  );

  it('generic adapter has a fixture', () => {
    expect(fixtures.some(({ expected }) => expected.adapter === genericAdapter.id)).toBe(true);
  });

  it.each(ADAPTERS.map((adapter) => [adapter.id]))('%s selectors carry a checked date', (id) => {
    const source = readFileSync(join(SITES_SOURCE, `${id}.ts`), 'utf8');
    const lines = source.split('\n');
    const constants = lines
      .map((line, index) => ({ line, index }))
      .filter(({ line }) => /^(?:export )?const [A-Z][A-Z0-9_]+ =/.test(line));

    expect(constants.length).toBeGreaterThan(0);
    for (const { line, index } of constants) {
      const comment = lines[index - 1] ?? '';
      expect(comment, line).toMatch(/^\/\/ .+; shape checked against .+ on \d{4}-\d{2}-\d{2}$/);
    }
  });

  it('every adapter file is registered', () => {
    const support = new Set([
      'types',
      'dom',
      'labels',
      'extract',
      'record-id',
      'snapshot',
      'generic',
      'registry',
      'matches',
      'origin-pattern',
      'system-name',
      'contacts',
      'person-name',
      'list-item',
    ]);
    const files = readdirSync(SITES_SOURCE)
      .filter((file) => file.endsWith('.ts'))
      .map((file) => file.replace(/\.ts$/, ''))
      .filter((name) => !support.has(name));

    expect(files.sort()).toEqual(ADAPTERS.map((adapter) => adapter.id).sort());
  });

  it.each(readdirSync(SITES_SOURCE).filter((file) => file.endsWith('.ts')))(
    '%s stays free of the phone metadata library',
    (file) => {
      for (const imported of importedFiles(join(SITES_SOURCE, file))) {
        expect(readFileSync(imported, 'utf8'), imported).not.toMatch(/libphonenumber/);
      }
    },
  );
});

/** Returns `file` and every file it reaches through relative imports. */
function importedFiles(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);

  const source = readFileSync(file, 'utf8');
  for (const match of source.matchAll(/from '(\.[^']+)'/g)) {
    const target = join(dirname(file), match[1]!);
    importedFiles(target.endsWith('.ts') ? target : `${target}.ts`, seen);
  }
  return seen;
}
