import { execFileSync } from 'node:child_process';

/** Builds the Chrome and Firefox extensions once before the end-to-end tests load them. */
export default function setup(): void {
  if (process.env.DNC_GUARD_SKIP_BUILD === '1') return;
  // Vitest sets NODE_ENV=test, which would bundle React's development build:
  // not what ships, and over Vite's 500 kB chunk warning.
  for (const target of [[], ['-b', 'firefox']]) {
    execFileSync('npx', ['wxt', 'build', ...target], {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
}
