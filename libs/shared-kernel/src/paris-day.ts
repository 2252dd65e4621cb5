/**
 * The day in Paris at an instant. Agencies live on French time: a request made at 00:30 in Paris
 * on the 1st is a fact of the 1st, whatever UTC says (alerts, digests and their periods).
 */
export function parisDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** Monday, in Paris: the day weekly digests go out. */
export const isParisMonday = (at: Date) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', weekday: 'long' }).format(at) === 'Monday';
