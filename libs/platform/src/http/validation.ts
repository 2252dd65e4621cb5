import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

export interface FieldProblem {
  field: string;
  problems: string[];
}

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, problems: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

export class RequestValidationError extends BadRequestException {
  constructor(readonly fields: FieldProblem[]) {
    super(`invalid request: ${fields.map((f) => `${f.field}: ${f.problems.join('; ')}`).join(' | ')}`);
  }
}

/** Whitelisted, unknown fields refused, values converted to the DTO's types; errors name the field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationError(flatten(errors)),
  });
}
