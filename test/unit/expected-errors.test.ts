import { describe, expect, it } from 'vitest';

import { isExpectedState } from '../../lib/background/expected-errors.ts';
import { SyncError } from '../../lib/sync/errors.ts';

describe('isExpectedState', () => {
  it('accepts no server set up', () => {
    expect(isExpectedState(new SyncError('not_configured', 'Not connected'))).toBe(true);
  });

  it.each([
    ['a server error', new SyncError('server_error', 'Server error')],
    ['a plain error', new Error('boom')],
    ['a string', 'boom'],
  ])('rejects %s', (_kind, error) => {
    expect(isExpectedState(error)).toBe(false);
  });
});
