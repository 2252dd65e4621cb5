import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { PolicyKind } from '@ancrage/shared-kernel';
import { ApiErrors } from './openapi/api-operation';

export type { PolicyKind } from '@ancrage/shared-kernel';

export const ACCESS_POLICY = 'ancrage:access-policy';

/** Every route carries @Access or @Public: the app refuses to start otherwise. */
export const Access = (kind: PolicyKind) =>
  applyDecorators(SetMetadata(ACCESS_POLICY, kind), ApiBearerAuth(), ApiErrors([401, 403, 429], { 403: `The route's rule: ${kind}.` }));
