import { execFileSync } from 'node:child_process';

/** Builds the Chrome extension once before the end-to-end tests load it. */
export default function setup(): void {
  if (process.env.DNC_GUARD_SKIP_BUILD === '1') return;
  execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
}
