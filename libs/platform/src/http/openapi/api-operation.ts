import { applyDecorators, RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA } from '@nestjs/common/constants';
import { ApiHeader, ApiOperation, ApiProduces, ApiResponse } from '@nestjs/swagger';
import { CommandResponse } from '../command-response';
import { XLSX_TYPE } from '../export';
import { IdempotentCommand } from '../idempotency';
import { DocumentedErrorStatus, ERROR_EXAMPLES, ErrorResponse } from './error-response';

const ERROR_MEANING: Record<DocumentedErrorStatus, string> = {
  400: 'the request is malformed: `fields` names each refused field',
  401: 'no, malformed, invalid, expired or revoked token; disabled user',
  403: "outside the caller's rights",
  404: 'an agency, partner, plan or other thing named in the path does not exist (or not at that date)',
  409: 'a conflict: the thing already exists, another change came first (`CONCURRENT_CHANGE`: retry), or the idempotency key was used for another request',
  422: 'a business rule refused the command (`code` names it; `fields` the field it is about, when there is one)',
  413: 'the uploaded file is larger than the route takes',
  415: 'the uploaded file is not a spreadsheet this route reads (`code` says why, `fields` names `file`)',
  429: 'too many authentication failures from this address: retry after the `Retry-After` header',
  503: '`consistentWith` asked for a position the read models have not reached in time: retry shortly',
};

/** Documents error answers, each with the one error shape and an example of its code. */
export function ApiErrors(statuses: DocumentedErrorStatus[], notes: Partial<Record<DocumentedErrorStatus, string>> = {}) {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: notes[status] ? `${ERROR_MEANING[status]}. ${notes[status]}` : ERROR_MEANING[status],
        type: ErrorResponse,
        example: ERROR_EXAMPLES[status],
      }),
    ),
  );
}

type ResponseType = Type | [Type];

/**
 * Must sit above the route decorator (@Post, @Put…), which is applied first: the success status
 * follows Nest's (201 for POST, 200 otherwise). Fails at load time when misplaced.
 */
function successStatus(target: object, key: string | symbol, descriptor: PropertyDescriptor): 200 | 201 {
  const method = Reflect.getMetadata(METHOD_METADATA, descriptor.value as object) as RequestMethod | undefined;
  if (method === undefined)
    throw new Error(`${target.constructor.name}.${String(key)}: put @ApiCommand/@ApiView above the route decorator`);
  return method === RequestMethod.POST ? 201 : 200;
}

export interface CommandDoc {
  summary: string;
  description?: string;
  /** What the command answers; CommandResponse by default. */
  response?: Type;
  /** false for a command whose answer must not be kept (a token's secret): a retry runs again. */
  idempotent?: boolean;
  /** What a 409 or 422 means for this command, and the codes it can carry. */
  conflict?: string;
  rule?: string;
  notFound?: string;
}

/**
 * A route that records something. It answers where it wrote; an Idempotency-Key makes a retry
 * record once. Documents the success schema and 400/404/409/422 with the error shape.
 */
export function ApiCommand(doc: CommandDoc): MethodDecorator {
  return (target, key, descriptor) => {
    const status = successStatus(target, key, descriptor);
    applyDecorators(
      ApiOperation({ summary: doc.summary, ...(doc.description ? { description: doc.description } : {}) }),
      ...(doc.idempotent === false
        ? [ApiHeader({ name: 'Idempotency-Key', required: false, description: 'not kept for this command: each request runs again' })]
        : [
            ApiHeader({
              name: 'Idempotency-Key',
              required: false,
              description:
                'retrying the same request with the same key records it once; the key with another request, or another user, is refused (422)',
            }),
            IdempotentCommand(),
          ]),
      ApiResponse({
        status,
        description: 'recorded (or, with a known Idempotency-Key, the first outcome replayed)',
        type: doc.response ?? CommandResponse,
      }),
      ApiErrors([400, 404, 409, 422], { 404: doc.notFound, 409: doc.conflict, 422: doc.rule }),
    )(target, key, descriptor);
  };
}

export interface ViewDoc {
  summary: string;
  description?: string;
  response: ResponseType;
  /** The answer's table is also offered as a file: CSV (`format=csv`) and XLSX (`format=xlsx`). */
  file?: boolean;
  /** The path names a thing that may not exist: documents the 404 with this note. */
  notFound?: string;
  /** Reads a projection and accepts `consistentWith` (so it may answer 503). */
  consistent?: boolean;
  /** Extra error statuses (a view that refuses a rule: 422). */
  errors?: DocumentedErrorStatus[];
}

/** A route that reads. Documents the success schema and its 400/404 answers. */
export function ApiView(doc: ViewDoc): MethodDecorator {
  return (target, key, descriptor) => {
    const status = successStatus(target, key, descriptor);
    const type = Array.isArray(doc.response) ? doc.response[0] : doc.response;
    const statuses: DocumentedErrorStatus[] = [
      400,
      ...(doc.notFound ? [404 as const] : []),
      ...(doc.consistent !== false ? [503 as const] : []),
      ...(doc.errors ?? []),
    ];
    applyDecorators(
      ApiOperation({ summary: doc.summary, ...(doc.description ? { description: doc.description } : {}) }),
      ApiResponse({
        status,
        description: doc.file ? 'JSON; the table as CSV with `format=csv`, as an XLSX workbook with `format=xlsx`' : 'the view',
        type,
        isArray: Array.isArray(doc.response),
      }),
      ...(doc.file ? [ApiProduces('application/json', 'text/csv', XLSX_TYPE)] : []),
      ApiErrors(statuses, { 404: doc.notFound }),
    )(target, key, descriptor);
  };
}
