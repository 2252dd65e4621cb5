import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Grant } from '../domain/access.events';

/** One row per user: current grants and tokens (never their secrets). */
@Entity('access_users')
export class UserDirectoryRow {
  @PrimaryColumn('text') userId: string;
  @Column('text') displayName: string;
  @Column('text', { nullable: true }) email: string | null;
  /** The e-mail digest of alerts: NONE, DAILY or WEEKLY. */
  @Column('text') digest: string;
  @Column('boolean') disabled: boolean;
  @Column('jsonb') grants: Grant[];
  @Column('jsonb') tokens: { tokenId: string; label: string; expiresAt: string | null; revoked: boolean; issuedAt: string }[];
  @Column('text') registeredAt: string;
  @Column('text') updatedAt: string;
}
