import { DomainError } from '@ancrage/shared-kernel';

/** What a decider's refusal says (code, kind, field); fails the test when the command is accepted. */
export function refusalOf(decide: () => unknown): Pick<DomainError, 'code' | 'kind' | 'field'> {
  try {
    decide();
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, kind: e.kind, field: e.field };
    throw e;
  }
  throw new Error('the command was accepted');
}
