import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { pinoHttp } from 'pino-http';
import type { CorrelatedRequest } from '../http/correlation';
import type { JsonLogger } from './json-logger';
import { requestFields } from './request-context';

/**
 * One `request` entry per answer, by pino-http on the process's pino logger: method, path,
 * status, duration and correlation id, at `warn` for a 5xx. Only those fields of the request are
 * serialised (headers never are; the logger's redaction covers them anyway), and whatever else is
 * logged while the request is served carries its correlation id.
 *
 * Not nestjs-pino's LoggerModule: it keeps one pino-http instance per process (the first app's),
 * so a second app in the same process (the test suites make one per suite) would log into the
 * first one's logger; and the CLI logs before any Nest module exists.
 */
export function requestLogging(logger: JsonLogger) {
  const log = pinoHttp({
    logger: logger.pino,
    genReqId: (req) => (req as unknown as CorrelatedRequest).correlationId,
    customAttributeKeys: { reqId: 'correlationId', responseTime: 'ms' },
    quietReqLogger: true,
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'warn' : 'info'),
    customSuccessMessage: () => 'request',
    customErrorMessage: () => 'request',
    customSuccessObject: (req, res, fields: { ms: number }) => requestLine(req, res, fields.ms),
    customErrorObject: (req, res, error, fields: { ms: number }) => ({ ...requestLine(req, res, fields.ms), error: error.message }),
  });
  return (req: Request, res: Response, next: NextFunction) => {
    log(req, res);
    next();
  };
}

/**
 * Gives what is logged while the request is served its correlation id. Mounted after the body
 * parser: a stream's callbacks run in the context of the socket, not of the middleware.
 */
export function requestContext(req: Request, _res: Response, next: NextFunction): void {
  requestFields.run({ correlationId: (req as CorrelatedRequest).correlationId }, next);
}

function requestLine(req: IncomingMessage, res: ServerResponse, ms: number) {
  return { method: req.method, path: (req as Request).originalUrl, status: res.statusCode, ms };
}
