import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { PartnerUsage } from '@ancrage/access';
import { PG_POOL } from '@ancrage/platform';

/**
 * Who works with whom in the shared register, from the partnerships read model (its current row
 * versions): the agencies with a partnership or a joint event with a partner. Read models lag the
 * log by milliseconds; a partnership recorded that instant may not count yet.
 */
@Injectable()
export class PartnerUsageDirectory implements PartnerUsage {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async agenciesWorkingWith(partnerId: string): Promise<{ agency: string; region: string | null }[]> {
    const { rows } = await this.pool.query<{ agency: string; region: string | null }>(
      `SELECT p.safir AS agency, p.region FROM partnerships p WHERE p."partnerId" = $1 AND p.is_current AND NOT p.is_removed
       UNION
       SELECT j.safir AS agency, a.region FROM joint_events j
         LEFT JOIN partnership_agencies a ON a.safir = j.safir AND a.is_current AND NOT a.is_removed
        WHERE j."partnerIds" ? $1 AND j.is_current AND NOT j.is_removed`,
      [partnerId],
    );
    return rows;
  }

  async partnersOf(agency: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ partnerId: string }>(
      `SELECT "partnerId" FROM partnerships WHERE safir = $1 AND is_current AND NOT is_removed
       UNION
       SELECT jsonb_array_elements_text("partnerIds") FROM joint_events WHERE safir = $1 AND is_current AND NOT is_removed`,
      [agency],
    );
    return rows.map((r) => r.partnerId);
  }
}
