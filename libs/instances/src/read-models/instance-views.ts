import { shareOf } from '@ancrage/shared-kernel';
import type { InstanceMeetingRow, InstanceRow } from './instances.entities';

export interface Attendance {
  meetings: number;
  attended: number;
  /** attended / meetings; null when no meeting was recorded. */
  rate: number | null;
}

export interface InstanceOfYear extends InstanceRow {
  attendance: Attendance;
  lastMeetingOn: string | null;
}

export function attendanceOf(meetings: readonly Pick<InstanceMeetingRow, 'attended'>[]): Attendance {
  const attended = meetings.filter((m) => m.attended).length;
  return { meetings: meetings.length, attended, rate: shareOf(attended, meetings.length) };
}

/** Whether the agency sat in the instance at some time of the year. */
const activeIn = (i: InstanceRow, year: number) => i.joinedOn <= `${year}-12-31` && (i.leftOn === null || i.leftOn >= `${year}-01-01`);

/** The agency's instances of a year with their attendance that year, and the totals over all of them and per kind. */
export function instancesOfYear(instances: InstanceRow[], meetings: InstanceMeetingRow[], year: number) {
  const ofYear = meetings.filter((m) => m.date.startsWith(`${year}-`));
  const items: InstanceOfYear[] = instances
    .filter((i) => activeIn(i, year))
    .map((i) => {
      const own = ofYear.filter((m) => m.instanceId === i.instanceId);
      return {
        ...i,
        attendance: attendanceOf(own),
        lastMeetingOn:
          own
            .map((m) => m.date)
            .sort()
            .at(-1) ?? null,
      };
    })
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
  const kinds = [...new Set(items.map((i) => i.kind))];
  const listed = new Set(items.map((i) => i.instanceId));
  const counted = ofYear.filter((m) => listed.has(m.instanceId));
  return {
    year,
    items,
    totals: {
      instances: items.length,
      ...attendanceOf(counted),
      byKind: Object.fromEntries(
        kinds.map((k) => {
          const ids = new Set(items.filter((i) => i.kind === k).map((i) => i.instanceId));
          return [k, attendanceOf(counted.filter((m) => ids.has(m.instanceId)))];
        }),
      ),
    },
  };
}
