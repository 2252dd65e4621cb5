/** part / whole rounded to three decimals, as every rate and share the views return; null without a whole. */
export function shareOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null;
}
