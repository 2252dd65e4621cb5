import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { ApiErrors } from './openapi/api-operation';

/**
 * What a route does, to what. The access context enforces it (libs/access: authorise()).
 * Agency kinds read `:safir` from the route; `region.read` reads `:region` or `?region=`.
 */
export type PolicyKind =
  | 'agency.read'
  | 'agency.write'
  /** The shared partner register: any manager (partners serve several agencies) or an admin. */
  | 'partners.write'
  | 'region.read'
  | 'national.read'
  | 'fund.allocate'
  | 'fund.authorise'
  | 'audit'
  | 'admin'
  | 'scoped';

export const ACCESS_POLICY = 'ancrage:access-policy';

/** Every route carries @Access or @Public: the app refuses to start otherwise. */
export const Access = (kind: PolicyKind) =>
  applyDecorators(SetMetadata(ACCESS_POLICY, kind), ApiBearerAuth(), ApiErrors([401, 403, 429], { 403: `The route's rule: ${kind}.` }));
