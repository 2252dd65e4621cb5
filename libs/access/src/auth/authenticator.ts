import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@ancrage/platform';
import type { Principal } from '../domain/authorization';
import { parseApiToken, secretMatches } from './api-token';
import { JwtError, JwtVerifier } from './jwt';
import { PrincipalResolver } from './principal.resolver';

export class AuthenticationError extends Error {
  override readonly name = 'AuthenticationError';
  constructor(
    readonly code:
      'MISSING_TOKEN' | 'MALFORMED_TOKEN' | 'INVALID_TOKEN' | 'EXPIRED_TOKEN' | 'REVOKED_TOKEN' | 'USER_DISABLED' | 'UNKNOWN_USER',
    message: string,
  ) {
    super(message);
  }
}

/** Bearer token → principal: Ancrage API tokens, or JWTs from a configured issuer. */
@Injectable()
export class Authenticator {
  private readonly jwt: JwtVerifier;

  constructor(
    private readonly principals: PrincipalResolver,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.jwt = new JwtVerifier({
      secret: config.auth.jwtSecret,
      jwksUrl: config.auth.jwksUrl,
      issuer: config.auth.jwtIssuer,
      audience: config.auth.jwtAudience,
    });
  }

  async authenticate(authorization: string | undefined, now = new Date()): Promise<Principal> {
    if (!authorization) throw new AuthenticationError('MISSING_TOKEN', 'sign in: send Authorization: Bearer <token>');
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw new AuthenticationError('MALFORMED_TOKEN', 'the Authorization header must be "Bearer <token>"');
    const token = match[1];
    if (token.startsWith('anc_')) return this.fromApiToken(token, now);
    if (token.split('.').length === 3 && this.jwt.enabled) return this.fromJwt(token, now);
    throw new AuthenticationError('MALFORMED_TOKEN', 'unrecognised token');
  }

  private async fromApiToken(token: string, now: Date): Promise<Principal> {
    const parsed = parseApiToken(token);
    if (!parsed) throw new AuthenticationError('MALFORMED_TOKEN', 'malformed API token');
    const user = await this.principals.load(parsed.userId);
    const stored = user.tokens.find((t) => t.tokenId === parsed.tokenId);
    if (!user.exists || !stored || !secretMatches(parsed.secret, stored.secretSha256)) {
      throw new AuthenticationError('INVALID_TOKEN', 'invalid token');
    }
    if (stored.revoked) throw new AuthenticationError('REVOKED_TOKEN', 'this token was revoked');
    if (stored.expiresAt && Date.parse(stored.expiresAt) <= now.getTime())
      throw new AuthenticationError('EXPIRED_TOKEN', 'this token has expired');
    return this.active(user);
  }

  private async fromJwt(token: string, now: Date): Promise<Principal> {
    let claims: { sub: string };
    try {
      claims = await this.jwt.verify(token, now.getTime());
    } catch (error) {
      if (!(error instanceof JwtError)) throw error;
      throw new AuthenticationError(error.expired ? 'EXPIRED_TOKEN' : 'INVALID_TOKEN', error.message);
    }
    const user = await this.principals.load(claims.sub);
    if (!user.exists) throw new AuthenticationError('UNKNOWN_USER', `no Ancrage user ${claims.sub}: an administrator must register it`);
    return this.active(user);
  }

  private active(user: Awaited<ReturnType<PrincipalResolver['load']>>): Principal {
    if (user.disabled) throw new AuthenticationError('USER_DISABLED', 'this user is disabled');
    return { userId: user.userId!, displayName: user.displayName!, grants: user.grants };
  }
}
