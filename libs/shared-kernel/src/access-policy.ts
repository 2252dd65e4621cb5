/**
 * The kinds of rule a route declares (`@Access(kind)`), each with what it is checked against. The
 * one list: the platform's decorator takes a kind, the access context's `authorise()` decides an
 * `Action` built from it (libs/access/src/domain/authorization.ts).
 */
export interface PolicyTargets {
  /** Reads an agency's pages: `:safir` from the route, with its region. */
  'agency.read': { agency: string; region: string | null };
  /** Records an agency's activity. */
  'agency.write': { agency: string };
  /**
   * The shared partner register. `users`: the agencies that work with the partner changed (null
   * when a new partner is registered).
   */
  'partners.write': { users: { agency: string; region: string | null }[] | null };
  /** Reads a region's roll-ups: `:region` or `?region=`. */
  'region.read': { region: string };
  'national.read': object;
  /** Reads an employment basin: `:code` from the route, its region, and the agencies registered in it. */
  'basin.read': { region: string; agencies: string[] };
  /** Shares out a basin's partnerships between its agencies: the territorial direction's call. */
  'basin.write': { region: string };
  'fund.allocate': { agency: string; region: string | null };
  'fund.authorise': { agency: string; region: string | null };
  audit: object;
  admin: object;
  /** Any signed-in user; the handler filters what it returns by scope. */
  scoped: object;
}

export type PolicyKind = keyof PolicyTargets;

/** What a route does, and to what. */
export type Action = { [K in PolicyKind]: { kind: K } & PolicyTargets[K] }[PolicyKind];
