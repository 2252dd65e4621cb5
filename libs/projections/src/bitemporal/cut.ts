/**
 * Where a read stands in the two clocks of the log. `validAt`: what had happened by then
 * (occurredAt ≤ validAt); `knownAt`: what had been recorded by then (recordedAt ≤ knownAt). Both
 * unset is the live read: as of now, as known now.
 */
export interface Cut {
  validAt?: string;
  knownAt?: string;
}

export const LIVE: Cut = {};
