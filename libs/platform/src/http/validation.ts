import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

export interface FieldProblem {
  field: string;
  problems: string[];
  /** Stable codes of the broken constraints (class-validator names or a domain code). */
  codes: string[];
}

/** An error answer names at most this many fields, and counts the rest. */
export const MAX_FIELDS_IN_ERROR = 20;

export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, problems: Object.values(e.constraints), codes: Object.keys(e.constraints) }] : [];
    return [...own, ...fieldProblems(e.children ?? [], field)];
  });
}

export class RequestValidationError extends BadRequestException {
  readonly fields: FieldProblem[];
  readonly moreFields: number;

  constructor(all: FieldProblem[]) {
    const fields = all.slice(0, MAX_FIELDS_IN_ERROR);
    super(
      `invalid request: ${fields.map((f) => `${f.field}: ${f.problems.join('; ')}`).join(' | ')}${all.length > fields.length ? ` | and ${all.length - fields.length} more` : ''}`,
    );
    this.fields = fields;
    this.moreFields = all.length - fields.length;
  }
}

/** Whitelisted, unknown fields refused, values converted to the DTO's types; errors name the field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationError(fieldProblems(errors)),
  });
}
