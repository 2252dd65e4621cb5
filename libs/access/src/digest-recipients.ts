import { Injectable } from '@nestjs/common';
import { LIVE, ReadModels } from '@ancrage/projections';
import type { DigestFrequency, Grant } from './domain/access.events';
import { UserDirectoryRow } from './read-models/user-directory.entity';

/** Someone who chose to receive their alerts by e-mail. */
export interface DigestRecipient {
  userId: string;
  displayName: string;
  email: string;
  frequency: DigestFrequency;
  grants: Grant[];
}

/** The users digests go to, as the user directory knows them now (disabled users get none). */
@Injectable()
export class DigestRecipients {
  constructor(private readonly reads: ReadModels) {}

  async due(frequency: Exclude<DigestFrequency, 'NONE'>): Promise<DigestRecipient[]> {
    const rows = await this.reads.find(UserDirectoryRow, LIVE, { digest: frequency, disabled: false }, { order: { userId: 'ASC' } });
    return rows.flatMap(recipient);
  }

  async one(userId: string): Promise<DigestRecipient | null> {
    const row = await this.reads.findOne(UserDirectoryRow, LIVE, { userId });
    return row && !row.disabled ? (recipient(row)[0] ?? null) : null;
  }
}

function recipient(r: UserDirectoryRow): DigestRecipient[] {
  if (r.digest === 'NONE' || !r.email) return [];
  return [{ userId: r.userId, displayName: r.displayName, email: r.email, frequency: r.digest as DigestFrequency, grants: r.grants }];
}
