import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * API tokens look like `anc_<userId>.<tokenId>.<secret>`. Only sha256(secret) is stored (in the
 * ApiTokenIssued event); the token is shown once, when issued.
 */
export interface ParsedApiToken {
  userId: string;
  tokenId: string;
  secret: string;
}

const FORMAT = /^anc_([a-z0-9][a-z0-9_-]{1,62})\.([A-Za-z0-9_-]{8,64})\.([A-Za-z0-9_-]{20,128})$/;

export function parseApiToken(token: string): ParsedApiToken | null {
  const m = FORMAT.exec(token);
  return m ? { userId: m[1], tokenId: m[2], secret: m[3] } : null;
}

export function newApiToken(userId: string): { token: string; tokenId: string; secretSha256: string } {
  const tokenId = randomBytes(9).toString('base64url');
  const secret = randomBytes(32).toString('base64url');
  return { token: `anc_${userId}.${tokenId}.${secret}`, tokenId, secretSha256: sha256(secret) };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function secretMatches(secret: string, expectedSha256: string): boolean {
  const a = Buffer.from(sha256(secret), 'hex');
  const b = Buffer.from(expectedSha256, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
