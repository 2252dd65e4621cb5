import type { NextFunction, Request, Response } from 'express';
import { FieldProblem, RequestValidationError } from './validation';

/** Deeper than this, a body is not a request of this API but an attempt to exhaust the stack. */
export const MAX_INPUT_DEPTH = 16;
/** The largest JSON body the API reads (a diagnostic section of 20,000 characters fits many times). */
export const MAX_BODY_BYTES = 256 * 1024;

const problem = (field: string, message: string, code: string): FieldProblem => ({ field, problems: [message], codes: [code] });

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The text of a request must be text: no NUL, no lone UTF-16 surrogate (PostgreSQL refuses both). */
function textProblem(text: string, field: string): FieldProblem | null {
  if (text.includes('\u0000')) return problem(field, `${field} must not contain a NUL character`, 'noNulCharacter');
  if (LONE_SURROGATE.test(text))
    return problem(field, `${field} must be well-formed Unicode (a lone surrogate was found)`, 'wellFormedUnicode');
  return null;
}

/**
 * Walks a parsed body or query without recursion: too deep, or text that is not text, is refused
 * before validation (whose recursion a deep body would exhaust) and before anything is recorded.
 */
export function inspectInput(root: unknown, prefix: string): FieldProblem | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: prefix, depth: 0 }];
  while (stack.length) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      const p = textProblem(value, path || 'body');
      if (p) return p;
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH)
      return problem(path || 'body', `${path || 'body'} is nested more than ${MAX_INPUT_DEPTH} levels deep`, 'maxDepth');
    for (const [key, child] of Object.entries(value)) {
      const childPath = path ? `${path}.${key}` : key;
      const p = textProblem(key, childPath);
      if (p) return p;
      stack.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return null;
}

/** The path's segments, decoded as the router will: a NUL or a lone surrogate is refused there too. */
function pathProblem(path: string): FieldProblem | null {
  for (const segment of path.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return problem('path', `the path segment "${segment.slice(0, 40)}" is not valid percent-encoding`, 'pathEncoding');
    }
    const p = textProblem(decoded, 'path');
    if (p) return p;
  }
  return null;
}

/** Express middleware, after the JSON body parser: refuses hostile input with a 400 naming where. */
export function inputGuard(req: Request, _res: Response, next: NextFunction): void {
  const found = pathProblem(req.path) ?? inspectInput(req.query, '') ?? (req.body !== undefined ? inspectInput(req.body, '') : null);
  next(found ? new RequestValidationError([found]) : undefined);
}
