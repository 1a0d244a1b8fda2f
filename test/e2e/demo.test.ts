import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('npm run demo -- --once', () => {
  it('walks every step of the tour', () => {
    const run = spawnSync(
      'npx',
      ['tsx', 'scripts/demo.ts', '--once', '--skip-build', '--headless'],
      {
        encoding: 'utf8',
        timeout: 150_000,
      },
    );

    expect(run.stdout).toContain('4 of 4 steps worked');
    expect(run.status).toBe(0);
  }, 180_000);
});
