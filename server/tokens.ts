import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Role } from '../lib/api/schemas.ts';
import type { Db } from './db.ts';

export const TOKEN_PREFIX = 'dncg_';

export interface TokenInfo {
  id: string;
  name: string;
  role: Role;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Creates a token and stores only its SHA-256 hash. The returned secret
 * cannot be recovered later.
 */
export function createToken(db: Db, role: Role, name: string): { token: string; info: TokenInfo } {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const info: TokenInfo = { id: randomUUID(), name, role };
  db.prepare(
    'INSERT INTO tokens (id, name, role, token_hash, created_at) VALUES (?, ?, ?, ?, ?)',
  ).run(info.id, name, role, hashToken(token), new Date().toISOString());
  return { token, info };
}

export function listTokens(
  db: Db,
): Array<TokenInfo & { createdAt: string; revokedAt: string | null }> {
  return (
    db
      .prepare('SELECT id, name, role, created_at, revoked_at FROM tokens ORDER BY created_at')
      .all() as Array<{
      id: string;
      name: string;
      role: Role;
      created_at: string;
      revoked_at: string | null;
    }>
  ).map((row) => ({
    id: row.id,
    name: row.name,
    role: row.role,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  }));
}

/** Marks a token revoked by id; returns false when no active token has that id. */
export function revokeToken(db: Db, id: string): boolean {
  const result = db
    .prepare('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
    .run(new Date().toISOString(), id);
  return result.changes === 1;
}

/** Looks up bearer tokens by hash. */
export class TokenStore {
  private readonly find;

  constructor(db: Db) {
    this.find = db.prepare(
      'SELECT id, name, role FROM tokens WHERE token_hash = ? AND revoked_at IS NULL',
    );
  }

  authenticate(token: string): TokenInfo | null {
    if (!token.startsWith(TOKEN_PREFIX)) return null;
    return (this.find.get(hashToken(token)) as TokenInfo | undefined) ?? null;
  }
}

export interface RateLimitOptions {
  /** Tokens added to each bucket per second. */
  perSecond: number;
  /** Bucket size: how many requests may arrive at once after a quiet spell. */
  burst: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { perSecond: 20, burst: 100 };

/** Token-bucket rate limiter keyed by API token id, kept in memory per server process. */
export class RateLimiter {
  private readonly buckets = new Map<string, { level: number; updatedMs: number }>();

  constructor(
    private readonly options: RateLimitOptions,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Takes one request from the bucket; returns 0 when allowed, else the seconds to wait. */
  take(key: string): number {
    const nowMs = this.now();
    const bucket = this.buckets.get(key) ?? { level: this.options.burst, updatedMs: nowMs };
    const refill = ((nowMs - bucket.updatedMs) / 1000) * this.options.perSecond;
    bucket.level = Math.min(this.options.burst, bucket.level + refill);
    bucket.updatedMs = nowMs;
    this.buckets.set(key, bucket);

    if (bucket.level >= 1) {
      bucket.level -= 1;
      return 0;
    }
    return (1 - bucket.level) / this.options.perSecond;
  }
}
