// Detection benchmark: accuracy of findPhoneNumbers on the labelled corpus and
// speed of stage 1, stage 1+2 and the libphonenumber-js text finder on mixed
// CRM text nodes. Run with `npx tsx bench/detection.bench.ts`, which prints a
// Markdown section.

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { cpus } from 'node:os';
import { build } from 'esbuild';
import {
  findPhoneNumbersInText,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js/max';
import { z } from 'zod';

import { findPhoneCandidates } from '../lib/phone/candidates.ts';
import { findPhoneNumbers } from '../lib/phone/detect.ts';
import { clearValidationCache } from '../lib/phone/validate.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const corpusSchema = z.array(
  z.object({
    text: z.string(),
    country: z.string().length(2),
    expected: z.array(z.string().regex(/^\+[1-9]\d{6,14}$/)),
  }),
);
const corpus = corpusSchema
  .parse(JSON.parse(readFileSync(resolve(root, 'test/corpus/phone-corpus.json'), 'utf8')))
  .map((entry) => ({ ...entry, country: entry.country as CountryCode }));

interface Accuracy {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

// Compares found and expected numbers of one snippet as multisets.
function score(found: string[], expected: string[], total: Accuracy): void {
  const remaining = [...expected];
  for (const e164 of found) {
    const index = remaining.indexOf(e164);
    if (index >= 0) {
      remaining.splice(index, 1);
      total.truePositives++;
    } else {
      total.falsePositives++;
    }
  }
  total.falseNegatives += remaining.length;
}

function measureAccuracy(detect: (text: string, country: CountryCode) => string[]): Accuracy {
  const total: Accuracy = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  for (const entry of corpus) score(detect(entry.text, entry.country), entry.expected, total);
  return total;
}

function percent(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)} %`;
}

const ours = measureAccuracy((text, country) =>
  findPhoneNumbers(text, country).map((match) => match.e164),
);
const baseline = measureAccuracy((text, country) =>
  findPhoneNumbersInText(text, { defaultCountry: country }).map((found) => found.number.number),
);

// Text nodes as a CRM page splits them: mostly labels, names, statuses, dates
// and amounts, one in eight holding a phone number (taken from the corpus).
const FILLER = [
  'Save',
  'Edit',
  'Log a call',
  'Contacted',
  'Owner',
  'Last activity',
  'Opportunity stage: Negotiation',
  'Created 2024-03-15 09:12',
  'Amount: $12,400.00',
  'Maria Lopez',
  'Acme Ltd',
  'maria@example.com',
  'Next step: send revised quote',
  'Q1 pipeline review',
  'Order #100234567',
  '15/03/2024',
  'Status: Open',
  'Priority: High',
  '3 of 12',
  'INV-2024-000123',
  'Updated 5 minutes ago',
  'Show more',
  'Account Manager',
  'San Francisco, CA 94105-1234',
];
const withNumbers = corpus.filter((entry) => entry.expected.length > 0);

// Table cells of a contact list: a label and one number, as written in the corpus.
const phoneCells = withNumbers.flatMap((entry) =>
  findPhoneNumbers(entry.text, entry.country).map((match) => ({
    text: `Phone: ${entry.text.slice(match.start, match.end)}`,
    country: entry.country,
  })),
);

function buildNodes(
  count: number,
  numberNodes: Array<{ text: string; country: CountryCode }>,
): Array<{ text: string; country: CountryCode }> {
  const nodes: Array<{ text: string; country: CountryCode }> = [];
  for (let i = 0; i < count; i++) {
    if (i % 8 === 0) {
      nodes.push(numberNodes[(i / 8) % numberNodes.length]!);
    } else {
      nodes.push({ text: FILLER[i % FILLER.length]!, country: 'US' });
    }
  }
  return nodes;
}

// Median of `runs` timed runs after two warm-up runs, in milliseconds.
function timeMedian(runs: number, task: () => void): number {
  task();
  task();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    task();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

let sink = 0;
const nodes1k = buildNodes(1_000, withNumbers);
const stage1 = timeMedian(50, () => {
  for (const node of nodes1k) sink += findPhoneCandidates(node.text).length;
});
const stages12Cold = timeMedian(20, () => {
  clearValidationCache();
  for (const node of nodes1k) sink += findPhoneNumbers(node.text, node.country).length;
});
const stages12Warm = timeMedian(20, () => {
  for (const node of nodes1k) sink += findPhoneNumbers(node.text, node.country).length;
});
const baselineTime = timeMedian(10, () => {
  for (const node of nodes1k) {
    sink += findPhoneNumbersInText(node.text, { defaultCountry: node.country }).length;
  }
});

// The page-scan budget: 32,000 short text nodes, 4,000 of them with a number.
const nodes32k = buildNodes(32_000, withNumbers);
const nodesWithNumber = nodes32k.filter((_node, index) => index % 8 === 0).length;
const stage1Page = timeMedian(15, () => {
  for (const node of nodes32k) sink += findPhoneCandidates(node.text).length;
});
const cells32k = buildNodes(32_000, phoneCells);
const stage1CellPage = timeMedian(15, () => {
  for (const node of cells32k) sink += findPhoneCandidates(node.text).length;
});

const parseInputs = withNumbers.flatMap((entry) =>
  findPhoneCandidates(entry.text).map((candidate) => ({
    raw: candidate.raw,
    country: entry.country,
  })),
);
const parseTime = timeMedian(20, () => {
  for (const input of parseInputs) {
    sink += parsePhoneNumberFromString(input.raw, input.country)?.isValid() ? 1 : 0;
  }
});

async function bundleSize(entry: string): Promise<number> {
  const result = await build({
    entryPoints: [resolve(root, entry)],
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.contents.byteLength ?? 0;
}
const stage1Bytes = await bundleSize('lib/phone/candidates.ts');
const detectBytes = await bundleSize('lib/phone/detect.ts');

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const ms = (value: number) => `${value.toFixed(2)} ms`;
const expectedTotal = corpus.reduce((sum, entry) => sum + entry.expected.length, 0);

function accuracyRow(name: string, accuracy: Accuracy): string {
  const found = accuracy.truePositives + accuracy.falsePositives;
  return `| ${name} | ${percent(accuracy.truePositives, found)} | ${percent(accuracy.truePositives, accuracy.truePositives + accuracy.falseNegatives)} | ${accuracy.falsePositives} | ${accuracy.falseNegatives} |`;
}

console.log(`### Phone number detection

Accuracy is measured on test/corpus/phone-corpus.json (${corpus.length} labelled CRM and dialer snippets in 11 countries, ${expectedTotal} numbers), with each snippet's country as default, against \`findPhoneNumbersInText\` of libphonenumber-js (max metadata). Speed is the median of repeated runs in Node ${process.version} on ${cpus()[0]?.model.trim() ?? 'unknown CPU'} (${cpus().length} cores, shared), over text nodes built from 24 CRM labels (some of them dates, ids and amounts) and corpus snippets, one node in eight holding a number.

| detector | precision | recall | false positives | missed |
|---|---|---|---|---|
${accuracyRow('findPhoneNumbers (ours)', ours)}
${accuracyRow('findPhoneNumbersInText (baseline)', baseline)}

| work | time |
|---|---|
| stage 1 (\`findPhoneCandidates\`), per 1,000 nodes | ${ms(stage1)} |
| stage 1+2 (\`findPhoneNumbers\`), cold cache, per 1,000 nodes | ${ms(stages12Cold)} |
| stage 1+2 (\`findPhoneNumbers\`), warm cache, per 1,000 nodes | ${ms(stages12Warm)} |
| baseline \`findPhoneNumbersInText\`, per 1,000 nodes | ${ms(baselineTime)} |
| stage 1 over a page of 32,000 nodes, ${nodesWithNumber.toLocaleString('en-US')} of them whole corpus snippets | ${ms(stage1Page)} |
| stage 1 over a page of 32,000 nodes, ${nodesWithNumber.toLocaleString('en-US')} of them phone cells ("Phone: …") | ${ms(stage1CellPage)} |
| one libphonenumber-js parse and validation (mean of ${parseInputs.length}) | ${((parseTime * 1000) / parseInputs.length).toFixed(1)} µs |

| bundle (esbuild, minified) | size |
|---|---|
| stage 1 (\`lib/phone/candidates.ts\`), for the content script | ${kB(stage1Bytes)} |
| stage 1+2 (\`lib/phone/detect.ts\`, with max metadata) | ${kB(detectBytes)} |
`);

if (sink < 0) console.log(sink);
