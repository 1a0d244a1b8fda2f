import { describe, expect, it } from 'vitest';
import { isSyncConfigured, validateApiUrl } from '../../lib/sync/config.ts';

describe('validateApiUrl', () => {
  it.each([
    ['https://dnc.example.com', 'https://dnc.example.com'],
    ['https://dnc.example.com/', 'https://dnc.example.com'],
    ['  https://dnc.example.com/api/  ', 'https://dnc.example.com/api'],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['http://localhost:8787/', 'http://localhost:8787'],
    ['http://[::1]:8787', 'http://[::1]:8787'],
    ['dnc.example.com', 'https://dnc.example.com'],
    ['localhost:8787', 'http://localhost:8787'],
    ['127.0.0.1:8787/', 'http://127.0.0.1:8787'],
  ])('accepts %s', (input, expected) => {
    expect(validateApiUrl(input)).toEqual({ ok: true, url: expected });
  });

  it.each([
    ['', /missing/],
    ['dnc example com', /not a valid URL/],
    ['http://dnc.example.com', /must use https/],
    ['http://192.168.1.5:8787', /must use https/],
    ['ftp://dnc.example.com', /must start with https/],
    ['https://user:secret@dnc.example.com', /user name or password/],
    ['https://dnc.example.com/?x=1', /query/],
  ])('rejects %s', (input, message) => {
    const result = validateApiUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe('isSyncConfigured', () => {
  it.each([
    [{ apiUrl: 'https://dnc.example.com', accessToken: 'dncg_abc' }, true],
    [{ apiUrl: 'https://dnc.example.com', accessToken: '  ' }, false],
    [{ apiUrl: '', accessToken: 'dncg_abc' }, false],
    [{ apiUrl: 'http://dnc.example.com', accessToken: 'dncg_abc' }, false],
  ])('is %j → %s', (config, expected) => {
    expect(isSyncConfigured(config)).toBe(expected);
  });
});
