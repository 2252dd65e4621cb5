import { createHmac, createPublicKey, KeyObject, timingSafeEqual, verify as verifySignature } from 'node:crypto';

export interface JwtSettings {
  /** HS256 shared secret. */
  secret?: string | null;
  /** JWKS document URL of an identity provider (RS256 / ES256 keys). */
  jwksUrl?: string | null;
  issuer?: string | null;
  audience?: string | null;
  /** Allowed clock difference, seconds. */
  leewaySeconds?: number;
}

export class JwtError extends Error {
  override readonly name = 'JwtError';
}

interface Jwk {
  kid?: string;
  kty: string;
  alg?: string;
  [k: string]: unknown;
}

const b64json = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

/**
 * Verifies a compact JWS and its time and audience claims with node:crypto only. HS256 with the
 * configured secret; RS256 and ES256 against the configured JWKS (fetched, cached, refetched once
 * on an unknown key id). `sub` is the Ancrage user id; rights come from that user's grants.
 */
export class JwtVerifier {
  private keys = new Map<string, KeyObject>();
  private fetchedAt = 0;

  constructor(private readonly settings: JwtSettings) {}

  get enabled(): boolean {
    return Boolean(this.settings.secret || this.settings.jwksUrl);
  }

  async verify(token: string, now = Date.now()): Promise<{ sub: string; [claim: string]: unknown }> {
    const parts = token.split('.');
    if (parts.length !== 3) throw new JwtError('malformed token');
    let header: { alg?: string; kid?: string };
    let claims: Record<string, unknown>;
    try {
      header = b64json(parts[0]);
      claims = b64json(parts[1]);
    } catch {
      throw new JwtError('malformed token');
    }
    const signed = Buffer.from(`${parts[0]}.${parts[1]}`);
    const signature = Buffer.from(parts[2], 'base64url');
    if (header.alg === 'HS256') {
      if (!this.settings.secret) throw new JwtError('HS256 tokens are not accepted here');
      const expected = createHmac('sha256', this.settings.secret).update(signed).digest();
      if (expected.length !== signature.length || !timingSafeEqual(expected, signature)) throw new JwtError('bad signature');
    } else if (header.alg === 'RS256' || header.alg === 'ES256') {
      const key = await this.keyFor(header.kid);
      const ok =
        header.alg === 'RS256'
          ? verifySignature('RSA-SHA256', signed, key, signature)
          : verifySignature('sha256', signed, { key, dsaEncoding: 'ieee-p1363' }, signature);
      if (!ok) throw new JwtError('bad signature');
    } else {
      throw new JwtError(`algorithm ${String(header.alg)} is not accepted`);
    }
    const leeway = (this.settings.leewaySeconds ?? 30) * 1000;
    if (typeof claims.exp !== 'number') throw new JwtError('token has no expiry');
    if (claims.exp * 1000 + leeway < now) throw new JwtError('token expired');
    if (typeof claims.nbf === 'number' && claims.nbf * 1000 - leeway > now) throw new JwtError('token not yet valid');
    if (this.settings.issuer && claims.iss !== this.settings.issuer) throw new JwtError('wrong issuer');
    if (this.settings.audience) {
      const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
      if (!aud.includes(this.settings.audience)) throw new JwtError('wrong audience');
    }
    if (typeof claims.sub !== 'string' || !claims.sub) throw new JwtError('token has no subject');
    return claims as { sub: string };
  }

  private async keyFor(kid: string | undefined): Promise<KeyObject> {
    if (!this.settings.jwksUrl) throw new JwtError('no JWKS configured for asymmetric tokens');
    const stale = Date.now() - this.fetchedAt > 10 * 60_000;
    if (stale || !this.keys.has(kid ?? '')) await this.refresh();
    const key = this.keys.get(kid ?? '') ?? (this.keys.size === 1 && !kid ? [...this.keys.values()][0] : undefined);
    if (!key) throw new JwtError('unknown signing key');
    return key;
  }

  private async refresh(): Promise<void> {
    // Refetch at most every 30 s, so unknown key ids cannot make us hammer the provider.
    if (Date.now() - this.fetchedAt < 30_000 && this.keys.size > 0) return;
    const response = await fetch(this.settings.jwksUrl!, { signal: AbortSignal.timeout(5000) }).catch((e: unknown) => {
      throw new JwtError(`JWKS unreachable: ${String(e)}`);
    });
    if (!response.ok) throw new JwtError(`JWKS answered ${response.status}`);
    const { keys } = (await response.json()) as { keys: Jwk[] };
    this.keys = new Map(
      keys
        .filter((k) => k.kty === 'RSA' || k.kty === 'EC')
        .map((k) => [k.kid ?? '', createPublicKey({ key: k as never, format: 'jwk' })]),
    );
    this.fetchedAt = Date.now();
  }
}

/** Signs an HS256 token: for tests and for operators minting a short-lived token. */
export function signHs256(claims: Record<string, unknown>, secret: string): string {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const body = `${enc({ alg: 'HS256', typ: 'JWT' })}.${enc(claims)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}
