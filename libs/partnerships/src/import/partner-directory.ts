import { normaliseHeader } from '@ancrage/spreadsheets';
import type { PartnerRow } from '../read-models/partnerships.entities';
import { slugOf } from './import-rows';

/** What a row needs to know of a partner it names. */
export interface KnownPartner {
  partnerId: string;
  name: string;
  scale: string;
  siret: string | null;
  category: string;
  defaultCircle: number;
  closed: boolean;
}

export type Resolution = { found: KnownPartner } | { none: true } | { ambiguous: string[] };

/**
 * The shared register as an import sees it: partners by id, SIRET and name, plus those the import
 * itself created (a later row of the file may name them).
 */
export class PartnerDirectory {
  private readonly byId = new Map<string, KnownPartner>();
  private readonly bySiret = new Map<string, string>();
  private readonly byName = new Map<string, Set<string>>();

  constructor(register: PartnerRow[]) {
    for (const p of register) this.add(p);
  }

  add(p: KnownPartner): void {
    this.byId.set(p.partnerId, p);
    if (p.siret) this.bySiret.set(p.siret, p.partnerId);
    const name = normaliseHeader(p.name);
    this.byName.set(name, new Set([...(this.byName.get(name) ?? []), p.partnerId]));
  }

  get(partnerId: string): KnownPartner | undefined {
    return this.byId.get(partnerId);
  }

  /**
   * A partner named by its id, its SIRET or its name (a name two partners share is ambiguous). An
   * id from an id column is definite: unknown, it names a partner to create.
   */
  resolve(reference: { partnerId?: string; siret?: string; name?: string }, idIsDefinite = false): Resolution {
    const byId = reference.partnerId ? this.byId.get(reference.partnerId) : undefined;
    if (byId) return { found: byId };
    if (reference.partnerId && idIsDefinite) return { none: true };
    const bySiret = reference.siret ? this.bySiret.get(reference.siret) : undefined;
    if (bySiret) return { found: this.byId.get(bySiret)! };
    const named = reference.name ? [...(this.byName.get(normaliseHeader(reference.name)) ?? [])] : [];
    if (named.length === 1) return { found: this.byId.get(named[0])! };
    return named.length > 1 ? { ambiguous: named } : { none: true };
  }

  /** A free id for a new partner of this name: its slug, or the slug and a number. */
  async freeId(name: string, taken: (id: string) => Promise<boolean>): Promise<string> {
    const base = slugOf(name);
    for (let n = 1; ; n++) {
      const id = n === 1 ? base : `${base}-${n}`;
      if (!this.byId.has(id) && !(await taken(id))) return id;
    }
  }
}
