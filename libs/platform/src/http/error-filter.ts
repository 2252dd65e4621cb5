import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { DuplicateEventIdError, InvalidAppendError, WrongExpectedVersionError } from '@ancrage/event-store';
import { DomainError, textOf } from '@ancrage/shared-kernel';
import type { JsonLogger } from '../logging/json-logger';
import type { CorrelatedRequest } from './correlation';
import { FieldProblem, RequestValidationError } from './validation';

/** The one error shape (documented as ErrorResponse in the OpenAPI document). */
export interface ErrorBody {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  fields?: FieldProblem[];
  moreFields?: number;
  correlationId?: string;
}

const DOMAIN_STATUS = { rule: 422, not_found: 404, conflict: 409, forbidden: 403 } as const;

/**
 * One error format for the whole API: 400 names the fields, 404 unknown things, 409 version or
 * state conflicts, 422 broken business rules. Anything else is a 500 that is logged, not echoed.
 */
@Catch()
export class ApiErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: JsonLogger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<CorrelatedRequest>();
    const res = http.getResponse<Response>();
    const body = this.toBody(exception);
    body.correlationId = req.correlationId;
    if (body.statusCode >= 500) {
      this.logger.event('error', 'request failed', {
        correlationId: req.correlationId,
        method: req.method,
        path: req.originalUrl,
        error: exception instanceof Error ? exception.stack : String(exception),
      });
    }
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof RequestValidationError) {
      return {
        statusCode: 400,
        error: 'Bad Request',
        code: 'VALIDATION_FAILED',
        message: exception.message,
        fields: exception.fields,
        ...(exception.moreFields ? { moreFields: exception.moreFields } : {}),
      };
    }
    if (exception instanceof DomainError) {
      const statusCode = DOMAIN_STATUS[exception.kind];
      return {
        statusCode,
        error: HttpStatus[statusCode] ?? 'Error',
        code: exception.code,
        message: exception.message,
        ...(exception.field ? { fields: [{ field: exception.field, problems: [exception.message], codes: [exception.code] }] } : {}),
      };
    }
    if (exception instanceof WrongExpectedVersionError) {
      return { statusCode: 409, error: 'Conflict', code: 'CONCURRENT_CHANGE', message: `${exception.message}; reload and try again` };
    }
    if (exception instanceof DuplicateEventIdError) {
      return {
        statusCode: 409,
        error: 'Conflict',
        code: 'IDEMPOTENCY_KEY_REUSED',
        message: 'this idempotency key was already used for a different request',
      };
    }
    if (exception instanceof InvalidAppendError) {
      return { statusCode: 400, error: 'Bad Request', code: 'INVALID_EVENT', message: exception.message };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse();
      // Whatever a library put in its exception, the answer keeps the one error shape (texts).
      const body = (typeof response === 'object' ? response : {}) as Record<string, unknown>;
      const said = (v: unknown) => (v === undefined || v === null ? undefined : Array.isArray(v) ? v.map(textOf).join('; ') : textOf(v));
      const message = typeof response === 'string' ? response : (said(body.message) ?? exception.message);
      const error = said(body.error) ?? HttpStatus[statusCode] ?? 'Error';
      const code = said(body.code) ?? HttpStatus[statusCode] ?? 'ERROR';
      const fields = body.fields as ErrorBody['fields'] | undefined;
      return { statusCode, error, code, message, ...(fields ? { fields } : {}) };
    }
    if (isBodyParserError(exception, 'entity.parse.failed')) {
      return { statusCode: 400, error: 'Bad Request', code: 'MALFORMED_BODY', message: 'the request body is not valid JSON' };
    }
    if (isBodyParserError(exception, 'entity.too.large')) {
      return {
        statusCode: 413,
        error: 'Payload Too Large',
        code: 'BODY_TOO_LARGE',
        message: 'the request body is larger than this API reads (256 kB)',
      };
    }
    if (isBodyParserError(exception, 'encoding.unsupported') || isBodyParserError(exception, 'charset.unsupported')) {
      return { statusCode: 415, error: 'Unsupported Media Type', code: 'UNSUPPORTED_ENCODING', message: 'send the body as UTF-8 JSON' };
    }
    return {
      statusCode: 500,
      error: 'Internal Server Error',
      code: 'INTERNAL',
      message: 'unexpected error; quote the correlation id when reporting it',
    };
  }
}

function isBodyParserError(e: unknown, type: string): boolean {
  return typeof e === 'object' && e !== null && (e as { type?: string }).type === type;
}
