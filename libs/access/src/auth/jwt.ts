import { createRemoteJWKSet, decodeProtectedHeader, errors, JWTPayload, jwtVerify, SignJWT } from 'jose';

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
  constructor(
    message: string,
    readonly expired = false,
  ) {
    super(message);
  }
}

/** A compact JWS, three base64url parts without padding (RFC 7515): anything else is not a token. */
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** `typ` of an access token, when the issuer sets one: JWT (RFC 7519) or at+jwt (RFC 9068). */
const ACCESS_TOKEN_TYPE = /^(application\/)?(jwt|at\+jwt)$/i;

/** What a `sub` must look like: an Ancrage user id (no NUL, no control character, no surprise). */
const USER_ID = /^[a-z0-9][a-z0-9_-]{1,62}$/;

/**
 * Verifies JWTs with jose: HS256 with the configured secret, RS256 / ES256 against the configured
 * JWKS (jose caches it, de-duplicates fetches and refetches on an unknown key id after a cooldown).
 * The algorithm is bound to the key type, `crit` is honoured, `typ` (when set) must name an access
 * token, `exp` and `sub` are required.
 */
export class JwtVerifier {
  private readonly secret: Uint8Array | null;
  private readonly jwks: ReturnType<typeof createRemoteJWKSet> | null;

  constructor(private readonly settings: JwtSettings) {
    this.secret = settings.secret ? new TextEncoder().encode(settings.secret) : null;
    this.jwks = settings.jwksUrl
      ? createRemoteJWKSet(new URL(settings.jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000, timeoutDuration: 5000 })
      : null;
  }

  get enabled(): boolean {
    return Boolean(this.secret || this.jwks);
  }

  async verify(token: string, now = Date.now()): Promise<{ sub: string } & JWTPayload> {
    if (!COMPACT_JWS.test(token)) throw new JwtError('malformed token');
    let alg: string | undefined;
    let typ: string | undefined;
    try {
      ({ alg, typ } = decodeProtectedHeader(token));
    } catch {
      throw new JwtError('malformed token');
    }
    // A signed object of another kind (a logout or security event token, say) is not an access token.
    if (typ !== undefined && !ACCESS_TOKEN_TYPE.test(typ)) throw new JwtError(`tokens of type ${typ} are not accepted`);
    const options = {
      issuer: this.settings.issuer ?? undefined,
      audience: this.settings.audience ?? undefined,
      clockTolerance: this.settings.leewaySeconds ?? 30,
      currentDate: new Date(now),
      requiredClaims: ['exp', 'sub'],
    };
    try {
      const { payload } =
        alg === 'HS256'
          ? await (this.secret
              ? jwtVerify(token, this.secret, { ...options, algorithms: ['HS256'] })
              : Promise.reject(new JwtError('HS256 tokens are not accepted here')))
          : await (this.jwks
              ? jwtVerify(token, this.jwks, { ...options, algorithms: ['RS256', 'ES256'] })
              : Promise.reject(new JwtError('no JWKS configured for asymmetric tokens')));
      if (typeof payload.sub !== 'string' || !USER_ID.test(payload.sub)) throw new JwtError('the token subject is not an Ancrage user id');
      return payload as { sub: string } & JWTPayload;
    } catch (error) {
      if (error instanceof JwtError) throw error;
      if (error instanceof errors.JWTExpired) throw new JwtError('token expired', true);
      if (error instanceof errors.JOSEError) throw new JwtError(error.message);
      throw error;
    }
  }
}

/** Signs an HS256 token: for tests and for operators minting a short-lived token. */
export async function signHs256(claims: JWTPayload, secret: string): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(secret));
}
