import { execFileSync } from 'node:child_process';

/** Builds the Chrome extension once before the end-to-end tests load it. */
export default function setup(): void {
  if (process.env.DNC_GUARD_SKIP_BUILD === '1') return;
  // Vitest sets NODE_ENV=test, which would bundle React's development build:
  // not what ships, and over Vite's 500 kB chunk warning.
  execFileSync('npx', ['wxt', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
