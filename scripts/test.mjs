// The project's test command: types, lint, every Vitest project (unit, DOM,
// server, end-to-end in Chromium and Firefox), then the Firefox build through Mozilla's
// web-ext lint. Stops at the first failing step.
import { spawnSync } from 'node:child_process';

const steps = [
  ['types', 'npx', ['wxt', 'prepare']],
  ['types', 'npx', ['tsc', '--noEmit', '-p', '.']],
  ['lint', 'npx', ['eslint', '.']],
  ['vitest', 'npx', ['vitest', 'run', ...process.argv.slice(2)]],
  ['firefox build', 'npx', ['wxt', 'build', '-b', 'firefox']],
  [
    'web-ext lint',
    'npx',
    ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--no-config-discovery'],
  ],
];

for (const [name, command, args] of steps) {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed (exit code ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}
console.log('\n✔ all test steps passed');
