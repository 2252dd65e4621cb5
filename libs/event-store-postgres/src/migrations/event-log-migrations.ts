import { EventLog1764000000000 } from './1764000000000-event-log';
import { EventLogBulkAppend1764000010000 } from './1764000010000-event-log-bulk-append';
import { EventLogDigestForm1764000020000 } from './1764000020000-event-log-digest-form';
import { EventLogStagedAppend1764000030000 } from './1764000030000-event-log-staged-append';
import { EventLogAppendOnly1764000060000 } from './1764000060000-event-log-append-only';

/** The event log's schema, in order. */
export const EVENT_LOG_MIGRATIONS = [
  EventLog1764000000000,
  EventLogBulkAppend1764000010000,
  EventLogDigestForm1764000020000,
  EventLogStagedAppend1764000030000,
  EventLogAppendOnly1764000060000,
];
