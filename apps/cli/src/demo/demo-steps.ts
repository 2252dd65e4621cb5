import type { ICommand } from '@nestjs/cqrs';
import type { CommandContext } from '@ancrage/platform';

/** One command of the demo timeline, recorded on its date by its actor. */
export interface DemoStep {
  date: string;
  /** Steps of one lane run in order; lanes of the same date run side by side. */
  lane: string;
  actor: { id: string; role: string };
  build(context: CommandContext): ICommand;
}

/** mulberry32: small, fast and the same on every machine, so a seed gives the same history. */
export function seededRandom(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * What each section of the timeline writes one agency's steps with. There is one random source
 * for the whole history: sections must draw from it in the order demoHistory calls them, or a
 * seed would no longer give the same history.
 */
export interface AgencyLane {
  at: (date: string, actor: DemoStep['actor'], build: DemoStep['build']) => void;
  between: (lo: number, hi: number) => number;
  pick: <T>(list: readonly T[]) => T;
  random: () => number;
  manager: DemoStep['actor'];
  director: DemoStep['actor'];
}

const pad = (n: number) => String(n).padStart(2, '0');
/** Days past the 28th become the 28th, so any month can take any drawn day. */
export const day = (year: number, month: number, d: number) => `${year}-${pad(month)}-${pad(Math.min(d, 28))}`;
export const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;
