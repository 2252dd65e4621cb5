import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const HEADER = 'x-correlation-id';
const ACCEPTED = /^[A-Za-z0-9._:-]{1,128}$/;

export interface CorrelatedRequest extends Request {
  correlationId: string;
  startedAt: number;
}

/** Takes the caller's correlation id (when well formed) or makes one; echoes it back. */
export function correlationMiddleware(req: Request, res: Response, next: NextFunction): void {
  const given = req.header(HEADER);
  const id = given && ACCEPTED.test(given) ? given : randomUUID();
  (req as CorrelatedRequest).correlationId = id;
  (req as CorrelatedRequest).startedAt = Date.now();
  res.setHeader(HEADER, id);
  next();
}
