import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { CommandContext, CorrelatedRequest } from '@ancrage/platform';
import type { Grant } from '../domain/access.events';
import type { Principal } from '../domain/authorization';

export interface AuthenticatedRequest extends CorrelatedRequest {
  principal: Principal;
  /** The grant that allowed this request: its role goes into the events' metadata. */
  actingGrant: Grant;
}

/** The caller, as established by the access guard. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
});

/**
 * The command context of this request: actor and role from the verified principal (never from the
 * body), the correlation id, and the Idempotency-Key header when the client sent one.
 */
export const Actor = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandContext => {
  const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  const key = req.header('idempotency-key');
  return {
    actor: req.principal.userId,
    role: req.actingGrant.role,
    correlationId: req.correlationId,
    idempotencyKey: key ? key.slice(0, 200) : null,
  };
});
