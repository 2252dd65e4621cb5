import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { InstantProperty, IntegerProperty } from '@ancrage/platform';

const HASH = { example: 'c5440ca5601e499983c50eaf24b209ca2df0bfa28543aad77a362b9c76af1d94', pattern: '^[0-9a-f]{64}$' };
/** Any JSON object: an event's payload, or a read-model row (its columns depend on the projection). */
const ANY_OBJECT = { type: 'object', additionalProperties: true } as const;

/** The spreadsheet row an imported event came from. */
export class ImportSourceView {
  @ApiProperty({ enum: ['partners', 'agreements', 'contacts'] }) kind: string;
  @ApiProperty({ example: 'partenaires.xlsx', description: 'the file as uploaded' }) file: string;
  @ApiProperty({ ...HASH, description: 'SHA-256 of the file' }) fileSha256: string;
  @IntegerProperty({ description: 'the row as the spreadsheet numbers it' }) row: number;
}

export class EventMetadataView {
  @ApiProperty({ example: 'claire-martin', description: 'the user who recorded the event' }) actor: string;
  @ApiProperty({ example: 'manager', description: 'the role the actor acted under' }) role: string;
  @ApiProperty({
    type: 'string',
    nullable: true,
    example: '62001',
    description: 'SAFIR code of the agency the event concerns (null: none)',
  })
  agency: string | null;
  @ApiProperty({ example: '0b6f4a52-5d0c-4a36-9d4e-2f1f7d1c9a10' }) correlationId: string;
  @ApiProperty({ type: 'string', nullable: true, description: 'the event id this event answers (a correction names the corrected event)' })
  causationId: string | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'the Idempotency-Key of the request that recorded it' }) idempotencyKey:
    string | null;
  @InstantProperty({ description: 'when it happened in the world' }) occurredAt: string;
  @InstantProperty({ description: 'when it was written to the log' }) recordedAt: string;
  @ApiPropertyOptional({ type: ImportSourceView, description: 'for an imported fact: the file and row it came from' })
  source?: ImportSourceView;
}

/** The event as stored before an upcaster lifted it to its current schema version. */
export class StoredEventFormView {
  @IntegerProperty() schemaVersion: number;
  @ApiProperty({ ...ANY_OBJECT, description: 'the payload as stored' }) data: unknown;
}

/** An event with its full envelope, as the log holds it. */
export class RecordedEventView {
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ example: 'ExpenditureCommitted' }) type: string;
  @IntegerProperty({ description: 'version of the payload schema (after upcasting)' }) schemaVersion: number;
  @ApiProperty({ example: 'fund-62001-2018' }) streamId: string;
  @IntegerProperty({ description: '0 for the first event of its stream' }) streamVersion: number;
  @IntegerProperty({ description: 'global position in the log (increasing, not necessarily contiguous)' }) position: number;
  @ApiProperty({ ...ANY_OBJECT, description: 'the payload: its fields depend on the event type' }) data: unknown;
  @ApiProperty({ type: EventMetadataView }) metadata: EventMetadataView;
  @ApiProperty({ ...HASH, description: 'hex SHA-256 linking this event to the previous one' }) hash: string;
  @ApiProperty({
    type: 'integer',
    enum: [1, 2],
    description: 'how the payload digest in the hash was taken: 1, keys sorted; 2, as written',
  })
  digestForm: number;
  @ApiPropertyOptional({ type: StoredEventFormView, description: 'present only when an upcaster changed the event on read' })
  stored?: StoredEventFormView;
}

export class AuditHistoryView {
  @ApiProperty({ type: [RecordedEventView], description: 'oldest first' }) items: RecordedEventView[];
  @ApiProperty({ type: 'integer', nullable: true, description: 'pass it as `after` for the next page (null: no more)' }) nextAfter:
    number | null;
  @IntegerProperty({ description: 'the head position of the log when read' }) headPosition: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description:
      'what people call what the events refer to, keyed kind:key (user:claire-martin, action:62001/2018/a1, jointEvent:62001/je-4, instance:62001/spep-montreuillois, commitment:62001/2018/c2, partner:ml-berck, agreement:62001/ml-berck/conv-1, priority:62001/2018/p1)',
  })
  names: Record<string, string>;
}

export class ProjectionInfoView {
  @ApiProperty({ example: 'fund-consumption' }) name: string;
  @IntegerProperty() version: number;
  @ApiProperty({ type: [String], description: 'the event types it folds' }) eventTypes: readonly string[];
  @ApiProperty({ type: [String], description: 'its tables (the `table` of the rows view)' }) tables: string[];
  @ApiProperty({ description: 'whether it can be replayed for one agency (`agency`)' }) agencyScoped: boolean;
}

/** One table of a replayed read model, paginated. */
export class ProjectionTableRowsView {
  @IntegerProperty({ description: 'rows in the table' }) total: number;
  @ApiProperty({ type: 'array', items: ANY_OBJECT, description: "the rows (`offset`/`limit`); their columns are the table's" })
  items: object[];
}

export class ProjectionRowsView {
  @ApiProperty({ example: 'fund-consumption' }) projection: string;
  @ApiProperty({ type: 'string', nullable: true, description: 'the asOf it was replayed at (null: up to now)' }) asOf: string | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'the knownAt it was replayed at (null: up to now)' }) knownAt: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'the position it was replayed to (null: the head)' }) position:
    number | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(ProjectionTableRowsView) },
    description: 'by table name (all tables, or the one `table` asked for)',
  })
  tables: Record<string, ProjectionTableRowsView>;
}

export class RowChangeView {
  @ApiProperty({ ...ANY_OBJECT, description: 'the row before' }) before: object;
  @ApiProperty({ ...ANY_OBJECT, description: 'the row after' }) after: object;
}

/** How one table differs between two states, rows matched by the table's key. */
export class RowDiffView {
  @ApiProperty({ example: 'envelopes' }) table: string;
  @ApiProperty({ type: 'array', items: ANY_OBJECT, description: 'rows only in the second state' }) added: object[];
  @ApiProperty({ type: 'array', items: ANY_OBJECT, description: 'rows only in the first state' }) removed: object[];
  @ApiProperty({ type: [RowChangeView], description: 'rows in both, with different values' }) changed: RowChangeView[];
}

export class ProjectionChangesView {
  @ApiProperty({ type: [RecordedEventView], description: 'the events in between (at most 500), oldest first' }) events: RecordedEventView[];
  @ApiProperty({ type: [RowDiffView], description: 'one entry per table of the projection' }) differences: RowDiffView[];
}

export class ProjectionDriftView {
  @ApiProperty({ example: 'fund-consumption' }) projection: string;
  @IntegerProperty({ description: 'the log position both were compared at' }) position: number;
  @ApiProperty({ type: [RowDiffView], description: 'replayed (first) against live (second), one entry per table' })
  differences: RowDiffView[];
  @ApiProperty({ description: 'true when no table differs' }) inSync: boolean;
}

/** The verdict of a walk along the hash chain: `ok` with the head, or the first altered position and why. */
export class LogVerdictView {
  @ApiProperty({ description: 'true when every event verifies and the log extends every signed head checked' }) ok: boolean;
  @IntegerProperty({ description: 'events read from the log' }) checked: number;
  @IntegerProperty({ description: 'position of the last event (0: empty log)' }) headPosition: number;
  @ApiProperty({ ...HASH, type: 'string', nullable: true, description: 'hash of the last event as stored' }) headHash: string | null;
  @IntegerProperty({ description: 'signed tree heads checked (those of the witness folder, or the one given)' }) headsChecked: number;
  @IntegerProperty({ description: 'the largest signed tree size the log was proven to extend (0: none)' }) provenSize: number;
  @ApiPropertyOptional({ type: 'integer', description: 'not ok: the first altered position' }) position?: number;
  @ApiProperty({ example: 'log intact', description: 'what is wrong at that position, or "log intact"' }) reason: string;
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'what cannot be proven: the events no signed head covers yet (a truncation or rewrite there cannot be shown)',
  })
  unproven: string | null;
}

/** A signed tree head (RFC 9162's STH): keep it, and prove later that the log still extends it. */
export class SignedTreeHeadView {
  @ApiProperty({ enum: ['ancrage-tree-head/1'] }) format: 'ancrage-tree-head/1';
  @IntegerProperty({ description: 'the first treeSize events of the log' }) treeSize: number;
  @ApiProperty({ ...HASH, description: 'Merkle root (RFC 9162) over their hashes' }) rootHash: string;
  @IntegerProperty({ description: 'the position of the last event the head covers' }) lastPosition: number;
  @ApiProperty({
    ...HASH,
    description: "root of the agency index: each agency's events, folded (evidence bundles prove completeness with it)",
  })
  agencyIndexRoot: string;
  @IntegerProperty({ description: 'agencies in the index' }) agencyCount: number;
  @InstantProperty() signedAt: string;
  @ApiProperty({ example: '5c1e0a9b3f2d4e61', description: 'first 16 hex characters of the SHA-256 of the public key (SPKI DER)' })
  keyId: string;
  @ApiProperty({ enum: ['Ed25519'] }) algorithm: 'Ed25519';
  @ApiProperty({ description: 'base64 Ed25519 signature of the canonical JSON of the other fields' }) signature: string;
}

export class TreeHeadsView {
  @ApiProperty({ type: SignedTreeHeadView, isArray: true, description: 'newest first' }) items: SignedTreeHeadView[];
  @ApiProperty({ type: 'integer', nullable: true, description: 'pass as `before` for the next page' }) nextBefore: number | null;
}

export class InclusionProofView {
  @IntegerProperty() position: number;
  @IntegerProperty({ description: 'the leaf index of the event (0-based)' }) leafIndex: number;
  @IntegerProperty() treeSize: number;
  @ApiProperty({ ...HASH, description: 'SHA-256(0x00 ‖ event hash)' }) leafHash: string;
  @ApiProperty({ type: 'string', isArray: true, description: 'RFC 9162 audit path, from the leaf up' }) auditPath: string[];
  @ApiProperty({ type: SignedTreeHeadView }) head: SignedTreeHeadView;
}

export class ConsistencyProofView {
  @IntegerProperty() first: number;
  @IntegerProperty() second: number;
  @ApiProperty({ type: 'string', isArray: true, description: 'RFC 9162 consistency proof' }) path: string[];
  @ApiProperty({ type: SignedTreeHeadView }) firstHead: SignedTreeHeadView;
  @ApiProperty({ type: SignedTreeHeadView }) secondHead: SignedTreeHeadView;
}

/** An event of an agency's history, without the hash-chain fields. */
export class TimelineEventView {
  @IntegerProperty() position: number;
  @ApiProperty({ example: 'ExpenditureCommitted' }) type: string;
  @ApiProperty({ example: 'fund-62001-2018' }) streamId: string;
  @ApiProperty({ example: 'claire-martin', description: 'who recorded it' }) actor: string;
  @ApiProperty({ example: 'manager', description: 'the role they acted under' }) role: string;
  @InstantProperty({ description: 'when it happened' }) occurredAt: string;
  @InstantProperty({ description: 'when it was recorded' }) recordedAt: string;
  @ApiProperty() correlationId: string;
  @ApiProperty({ type: 'string', nullable: true, description: 'the event id this event answers' }) causationId: string | null;
  @ApiProperty({ ...ANY_OBJECT, description: 'the payload: its fields depend on the event type' }) data: unknown;
}

export class AgencyTimelineView {
  @ApiProperty({ example: '62001' }) safir: string;
  @ApiProperty({ type: 'string', nullable: true, description: 'the asOf it was read at (null: today)' }) asOf: string | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'the knownAt it was read at (null: now)' }) knownAt: string | null;
  @IntegerProperty({ description: 'matching events, across all pages' }) total: number;
  @ApiProperty({ type: [TimelineEventView], description: 'newest first' }) items: TimelineEventView[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description:
      'what people call what the events refer to, keyed kind:key (user:claire-martin, action:62001/2018/a1, jointEvent:62001/je-4, instance:62001/spep-montreuillois, commitment:62001/2018/c2, partner:ml-berck, agreement:62001/ml-berck/conv-1, priority:62001/2018/p1)',
  })
  names: Record<string, string>;
  @ApiProperty({ type: 'integer', nullable: true, description: 'pass it as `before` for older events (null: no more)' }) nextBefore:
    number | null;
}
