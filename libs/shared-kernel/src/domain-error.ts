/**
 * A broken business rule, named by a stable code. The HTTP layer maps the kind to a status:
 * rule → 422, not_found → 404, conflict → 409, forbidden → 403.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: string,
    message: string,
    readonly kind: 'rule' | 'not_found' | 'conflict' | 'forbidden' = 'rule',
    /** The input field the rule is about, when there is one. */
    readonly field?: string,
  ) {
    super(message);
  }
}
