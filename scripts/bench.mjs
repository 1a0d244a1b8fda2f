// `npm run bench`: runs every bench/*.bench.ts in turn and writes their
// Markdown sections to docs/benchmarks.md under a header naming the date
// and the machine. A failing benchmark is recorded as failed, not skipped.
// `npm run bench -- scan sync` runs only the benchmarks whose file names
// contain one of the words and replaces only their sections; the machine
// header then names both dates.
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';

const OUTPUT = 'docs/benchmarks.md';

const only = process.argv.slice(2);
const benches = readdirSync('bench')
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => only.length === 0 || only.some((part) => name.includes(part)))
  .sort();

const chromium = spawnSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], {
  encoding: 'utf8',
});
const machine = [
  `- Date: ${new Date().toISOString()}${only.length > 0 ? ` (${benches.join(', ')})` : ''}`,
  `- CPU: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores; memory ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
  `- Node.js ${process.version}; ${chromium.stdout?.trim() || 'Chromium not found'}`,
];

// Benchmarks of the built extension load .output/chrome-mv3, which must
// be the current code, built for production as it ships.
const EXTENSION_BENCHES = ['busy-page.bench.ts', 'extension-sync.bench.ts'];
if (benches.some((name) => EXTENSION_BENCHES.includes(name))) {
  console.log('▶ build');
  const build = spawnSync('npx', ['wxt', 'build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (build.status !== 0) {
    console.error(`  build failed (exit code ${build.status ?? build.signal})`);
    process.exit(1);
  }
}

const sections = [];
for (const name of benches) {
  console.log(`▶ ${name}`);
  const started = Date.now();
  const run = spawnSync('npx', ['tsx', `bench/${name}`], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 2 ** 20,
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (run.status === 0) {
    sections.push(run.stdout.trim());
    console.log(`  done in ${seconds} s`);
  } else {
    sections.push(
      `### ${name}\n\nFailed with exit code ${run.status ?? run.signal} after ${seconds} s.`,
    );
    console.error(`  failed (exit code ${run.status ?? run.signal})`);
  }
}

/** Splits a benchmarks file into its "### " sections, keyed by heading line. */
function sectionsOf(markdown) {
  const found = new Map();
  for (const part of markdown.split(/\n(?=### )/).slice(1)) {
    found.set(part.split('\n', 1)[0], part.trim());
  }
  return found;
}

/** Earlier "- Date:" lines, kept when only some benchmarks ran, so each section's date stays known. */
let earlierDates = [];
let merged = sections;
if (only.length > 0 && existsSync(OUTPUT)) {
  const previous = readFileSync(OUTPUT, 'utf8');
  const fresh = sectionsOf(`\n${sections.join('\n\n')}`);
  const kept = sectionsOf(previous);
  merged = [...kept.keys()].map((heading) => fresh.get(heading) ?? kept.get(heading));
  for (const [heading, section] of fresh) if (!kept.has(heading)) merged.push(section);
  // A line for the same benchmarks as this run describes sections now replaced.
  const sameRun = ` (${benches.join(', ')})`;
  earlierDates = previous
    .split('\n')
    .filter((line) => line.startsWith('- Date:') && !line.endsWith(sameRun));
}

const text = [
  '# Benchmarks',
  '',
  'Written by `npm run bench`; each section names its method and the baseline measured in the same run.',
  '',
  '## Machine',
  '',
  ...earlierDates,
  ...machine,
  '',
  ...merged.flatMap((section) => [section, '']),
].join('\n');
writeFileSync(OUTPUT, text);
console.log(`Wrote ${OUTPUT}`);
