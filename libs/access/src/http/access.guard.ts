import { textOf } from '@ancrage/shared-kernel';
import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  HttpException,
  Inject,
  Injectable,
  NotFoundException,
  Optional,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Pool } from 'pg';
import { APP_CONFIG, AppConfig, JsonLogger, PG_POOL, PUBLIC_ROUTE } from '@ancrage/platform';
import { AGENCY_DIRECTORY, AgencyDirectory } from '../agency-directory';
import { PARTNER_USAGE, PartnerUsage } from '../partner-usage';
import { AuthenticationError, Authenticator } from '../auth/authenticator';
import { FailureLimiter } from '../auth/failure-limiter';
import { Action, authorise } from '../domain/authorization';
import { ACCESS_POLICY, PolicyKind } from './access.decorator';
import type { AuthenticatedRequest } from './principal.request';

const SAFIR = /^\d{5}$/;
const BASIN = /^\d{4}$/;

/** Authenticates every request and checks the route's policy on the server; denials are logged. */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly limiter: FailureLimiter;

  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    private readonly logger: JsonLogger,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(PG_POOL) pool: Pool,
    @Optional() @Inject(AGENCY_DIRECTORY) private readonly agencies?: AgencyDirectory,
    @Optional() @Inject(PARTNER_USAGE) private readonly partners?: PartnerUsage,
  ) {
    this.limiter = new FailureLimiter(pool, config.auth.failuresPerMinute);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const kind = this.reflector.getAllAndOverride<PolicyKind>(ACCESS_POLICY, targets);
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';

    const retryAfter = await this.limiter.blocked(address);
    if (retryAfter !== null) {
      req.res?.setHeader('Retry-After', String(retryAfter));
      throw new HttpException(
        { code: 'TOO_MANY_AUTH_FAILURES', message: `too many failed sign-ins; retry in ${retryAfter} s`, error: 'Too Many Requests' },
        429,
      );
    }
    try {
      req.principal = await this.authenticator.authenticate(req.header('authorization'));
    } catch (error) {
      if (!(error instanceof AuthenticationError)) throw error;
      await this.limiter.fail(address);
      throw new UnauthorizedException({ code: error.code, message: error.message, error: 'Unauthorized' });
    }
    // A route without a policy is denied: forgetting @Access must not open anything.
    const action = kind ? await this.actionFor(kind, req) : null;
    const grant = action ? authorise(req.principal, action) : null;
    if (!grant) {
      this.logger.event('warn', 'access denied', {
        userId: req.principal.userId,
        method: req.method,
        path: req.originalUrl,
        policy: kind ?? 'none',
        correlationId: req.correlationId,
      });
      throw new ForbiddenException({
        code: 'FORBIDDEN',
        message: `not allowed: ${kind ?? 'route has no access policy'}`,
        error: 'Forbidden',
      });
    }
    // Only someone allowed to see the agency learns that it does not exist.
    if (action && action.kind === 'agency.read' && action.region === null && this.agencies) {
      throw new NotFoundException({ code: 'AGENCY_NOT_FOUND', message: `no agency with SAFIR code ${action.agency}`, error: 'Not Found' });
    }
    req.actingGrant = grant;
    return true;
  }

  private async actionFor(kind: PolicyKind, req: AuthenticatedRequest): Promise<Action> {
    switch (kind) {
      case 'agency.read':
      case 'fund.allocate':
      case 'fund.authorise': {
        const agency = this.safir(req);
        return { kind, agency, region: this.agencies ? await this.agencies.regionOf(agency) : null };
      }
      case 'agency.write':
        return { kind, agency: this.safir(req) };
      case 'partners.write': {
        const partnerId = req.params.partnerId;
        return { kind, users: partnerId && this.partners ? await this.partners.agenciesWorkingWith(String(partnerId)) : null };
      }
      case 'basin.read':
      case 'basin.write': {
        const code = this.basinCode(req);
        if (kind === 'basin.write') return { kind, region: code.slice(0, 2) };
        return { kind, region: code.slice(0, 2), agencies: this.agencies ? await this.agencies.agenciesInBasin(code) : [] };
      }
      case 'region.read': {
        // A repeated ?region= reads as one value ("32,11") that no grant covers.
        const region: unknown = req.params.region ?? req.query.region;
        return region ? { kind, region: Array.isArray(region) ? region.map(textOf).join(',') : textOf(region) } : { kind: 'national.read' };
      }
      default:
        return { kind };
    }
  }

  private safir(req: AuthenticatedRequest): string {
    return pathParam(req, 'safir', SAFIR, 'safir must be a 5-digit SAFIR code');
  }

  private basinCode(req: AuthenticatedRequest): string {
    return pathParam(req, 'code', BASIN, "code must be a 4-digit zone d'emploi 2020 code");
  }
}

/** A path parameter the rule is checked against: a malformed one is refused before any lookup. */
function pathParam(req: AuthenticatedRequest, field: string, pattern: RegExp, problem: string): string {
  const value = String(req.params[field] ?? '');
  if (!pattern.test(value)) {
    throw new HttpException(
      { code: 'VALIDATION_FAILED', message: problem, error: 'Bad Request', fields: [{ field, problems: [problem], codes: ['matches'] }] },
      400,
    );
  }
  return value;
}
