import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One refused field: where it is in the request, why, and stable codes a client can translate. */
export class FieldProblemView {
  @ApiProperty({
    example: 'amountCents',
    description: 'the field: a body path with dots (`indicator.target`, `partners.0.involvement`), or a path or query parameter',
  })
  field: string;

  @ApiProperty({ type: [String], example: ['amountCents must not be less than 1'], description: 'what is wrong, in English (developers)' })
  problems: string[];

  @ApiProperty({
    type: [String],
    example: ['min'],
    description:
      'stable codes of the broken constraints: class-validator names (`min`, `matches`, `isIn`, `whitelistValidation`…) or a domain error code',
  })
  codes: string[];
}

/** The one error shape of the whole API (README: API in brief). */
export class ErrorResponse {
  @ApiProperty({ type: 'integer', example: 400 }) statusCode: number;
  @ApiProperty({ example: 'Bad Request', description: 'the HTTP reason phrase' }) error: string;
  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'stable code for clients and translations' }) code: string;
  @ApiProperty({ example: 'invalid request: amountCents: amountCents must not be less than 1' }) message: string;
  @ApiPropertyOptional({ type: [FieldProblemView], description: 'the refused fields (at most 20), for 400 and for a 4xx about one field' })
  fields?: FieldProblemView[];
  @ApiPropertyOptional({ type: 'integer', example: 3, description: 'how many more refused fields were left out of `fields`' })
  moreFields?: number;
  @ApiProperty({ example: 'a1b2c3d4-0000-4000-8000-000000000000', description: 'quote it when reporting a problem' }) correlationId: string;
}

const example = (
  statusCode: number,
  error: string,
  code: string,
  message: string,
  fields?: { field: string; problems: string[]; codes: string[] }[],
) => ({
  statusCode,
  error,
  code,
  message,
  ...(fields ? { fields } : {}),
  correlationId: '0b6f4a52-5d0c-4a36-9d4e-2f1f7d1c9a10',
});

/** One example per status, with a real code of this API. */
export const ERROR_EXAMPLES = {
  400: example(400, 'Bad Request', 'VALIDATION_FAILED', 'invalid request: amountCents: amountCents must not be less than 1', [
    { field: 'amountCents', problems: ['amountCents must not be less than 1'], codes: ['min'] },
  ]),
  401: example(401, 'Unauthorized', 'INVALID_TOKEN', 'the token is not valid'),
  403: example(403, 'Forbidden', 'FORBIDDEN', 'your rights do not cover this (agency.write on 62001)'),
  404: example(404, 'Not Found', 'AGENCY_NOT_FOUND', 'no agency 99999'),
  409: example(409, 'Conflict', 'CONCURRENT_CHANGE', 'the stream changed since it was read; reload and try again'),
  422: example(422, 'Unprocessable Entity', 'ENVELOPE_EXCEEDED', 'committing 4 500,00 € would exceed the envelope', [
    { field: 'amountCents', problems: ['committing 4 500,00 € would exceed the envelope'], codes: ['ENVELOPE_EXCEEDED'] },
  ]),
  413: example(413, 'Payload Too Large', 'PAYLOAD_TOO_LARGE', 'File too large'),
  415: example(
    415,
    'Unsupported Media Type',
    'NOT_A_SPREADSHEET',
    'Le fichier n’est pas un tableur : envoyez un classeur .xlsx ou un fichier CSV.',
    [
      {
        field: 'file',
        problems: ['Le fichier n’est pas un tableur : envoyez un classeur .xlsx ou un fichier CSV.'],
        codes: ['NOT_A_SPREADSHEET'],
      },
    ],
  ),
  429: example(429, 'Too Many Requests', 'TOO_MANY_AUTH_FAILURES', 'too many authentication failures: retry after 60 s'),
  503: example(503, 'Service Unavailable', 'PROJECTION_BEHIND', 'the read model has not reached position 1234 yet; retry shortly'),
} as const;

export type DocumentedErrorStatus = keyof typeof ERROR_EXAMPLES;
