import { forwardRef } from 'react';
import { Link as RouterLink, useLocation, type LinkProps } from 'react-router';

const PAST_KEYS = ['au', 'connu'];

/** A target with the current "au" / "connu le" carried over, unless it sets its own. */
export function keepPast(to: LinkProps['to'], currentSearch: string): LinkProps['to'] {
  const current = new URLSearchParams(currentSearch);
  const carried = PAST_KEYS.filter((k) => current.has(k));
  if (!carried.length || typeof to !== 'string' || /^[a-z]+:/.test(to)) return to;
  const [path, query = ''] = to.split('?');
  const params = new URLSearchParams(query);
  for (const k of carried) if (!params.has(k)) params.set(k, current.get(k)!);
  return `${path}?${params}`;
}

/**
 * The application's links: a past view stays a past view from page to page (the date is in the
 * address). Also the Link DSFR's components use (header, tiles, breadcrumb).
 */
export const Link = forwardRef<HTMLAnchorElement, LinkProps>(function PastLink({ to, ...props }, ref) {
  const { search } = useLocation();
  return <RouterLink ref={ref} to={keepPast(to, search)} {...props} />;
});
