import { Injectable, type OnModuleInit, SetMetadata } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import type { Alert, AlertKind, AlertScope } from '@ancrage/shared-kernel';

/** What a source is asked: whose alerts, on which day, at which cut of the past, with which thresholds. */
export interface AlertQuery {
  scope: AlertScope;
  /** The day alerts are judged on (asOf, or today). */
  on: string;
  asOf?: string;
  knownAt?: string;
  /** Agreements ending within this many days. */
  agreementDays: number;
  /** Expectations open for longer than this many days. */
  expectationDays: number;
}

/** A context's alerts (partnerships: agreements and expectations; fund; plans). */
export interface AlertSource {
  readonly kinds: readonly AlertKind[];
  /** The projections it reads (a query consistent with a position waits for them). */
  readonly projections: readonly string[];
  alerts(query: AlertQuery): Promise<Alert[]>;
}

const ALERT_SOURCE = Symbol('ALERT_SOURCE');

/** Marks a provider as an alert source of its context: AlertSources finds it, nobody imports it. */
export const ProvidesAlerts = (): ClassDecorator => SetMetadata(ALERT_SOURCE, true);

/**
 * The sources of this deployment: every provider marked @ProvidesAlerts(), found when the modules
 * start, so the alerts context depends on none of the contexts that hold the facts.
 */
@Injectable()
export class AlertSources implements OnModuleInit {
  private sources: AlertSource[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    this.sources = this.discovery
      .getProviders()
      .filter((w) => w.metatype && w.instance && this.reflector.get<boolean | undefined>(ALERT_SOURCE, w.metatype))
      .map((w) => w.instance as AlertSource);
  }

  projections(): string[] {
    return [...new Set(this.sources.flatMap((s) => s.projections))];
  }

  /** Every source's alerts, soonest first. */
  async alerts(query: AlertQuery): Promise<Alert[]> {
    const all = (await Promise.all(this.sources.map((s) => s.alerts(query)))).flat();
    return all.sort((a, b) => a.on.localeCompare(b.on) || a.safir.localeCompare(b.safir) || a.ref.localeCompare(b.ref));
  }
}

/** `day` plus n days (n may be negative), as yyyy-mm-dd. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The read-model filters a scope reads: the whole country, or a manager's agencies and a director's
 * regions (read apart; a row in both is one row, keyed by the caller).
 */
export function scopeFilters(scope: AlertScope): { safir?: string[]; region?: string[] }[] {
  if (scope.national) return [{}];
  return [...(scope.agencies.length ? [{ safir: scope.agencies }] : []), ...(scope.regions.length ? [{ region: scope.regions }] : [])];
}

/** Rows of every filter of a scope, each once. */
export async function readScope<R>(
  scope: AlertScope,
  read: (filter: { safir?: string[]; region?: string[] }) => Promise<R[]>,
  key: (row: R) => string,
): Promise<R[]> {
  const seen = new Map<string, R>();
  for (const rows of await Promise.all(scopeFilters(scope).map(read))) for (const r of rows) seen.set(key(r), r);
  return [...seen.values()];
}
