import type { JointEventRow, PartnerRow, PartnershipMonthRow, PartnershipRow } from './partnerships.entities';

export const QUALITY_INDEX_FORMULA =
  'index (0–100) = 50 × (latest score − 1) ÷ 3 + 25 × min(contacts in the trailing 12 months ÷ 6, 1) + ' +
  '15 × min(joint events held in the trailing 12 months ÷ 2, 1) + 10 × (agreement active at the month end ? 1 : 0). ' +
  'Without any assessment yet, the score part counts 0.';

export type AgreementStatus = 'ACTIVE' | 'EXPIRED' | 'TERMINATED' | 'NONE' | 'NOT_STARTED';

export function agreementStatus(p: PartnershipRow, on: string): AgreementStatus {
  if (!p.agreementId) return 'NONE';
  if (p.agreementTerminatedOn && p.agreementTerminatedOn <= on) return 'TERMINATED';
  if (p.agreementStart && p.agreementStart > on) return 'NOT_STARTED';
  if (p.agreementEnd && p.agreementEnd < on) return 'EXPIRED';
  return 'ACTIVE';
}

export function effectiveCircle(p: PartnershipRow, partner: PartnerRow | undefined): number {
  return p.circle ?? partner?.defaultCircle ?? 3;
}

export interface DirectoryEntry extends PartnershipRow {
  partner: PartnerRow | null;
  effectiveCircle: number;
  agreementStatus: AgreementStatus;
}

export function directory(partnerships: PartnershipRow[], partners: Map<string, PartnerRow>, on: string): DirectoryEntry[] {
  return partnerships.map((p) => ({
    ...p,
    partner: partners.get(p.partnerId) ?? null,
    effectiveCircle: effectiveCircle(p, partners.get(p.partnerId)),
    agreementStatus: agreementStatus(p, on),
  }));
}

const monthEnd = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};
const addMonths = (month: string, n: number) => {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
};

/** Quality month by month with the parts of its index, so a director sees why it moved. */
export function qualityOverTime(p: PartnershipRow, months: PartnershipMonthRow[], from: string, to: string) {
  const byMonth = new Map(months.map((m) => [m.month, m]));
  const sorted = [...months].sort((a, b) => a.month.localeCompare(b.month));
  const series = [];
  for (let month = from; month <= to; month = addMonths(month, 1)) {
    const window = sorted.filter((m) => m.month > addMonths(month, -12) && m.month <= month);
    const contacts12 = window.reduce((s, m) => s + m.contacts, 0);
    const events12 = window.reduce((s, m) => s + m.jointEvents, 0);
    const latest = [...sorted].reverse().find((m) => m.month <= month && m.score !== null)?.score ?? null;
    const agreement = agreementStatus(p, monthEnd(month));
    const parts = {
      score: latest === null ? 0 : (50 * (latest - 1)) / 3,
      contacts: 25 * Math.min(contacts12 / 6, 1),
      jointEvents: 15 * Math.min(events12 / 2, 1),
      agreement: agreement === 'ACTIVE' ? 10 : 0,
    };
    series.push({
      month,
      latestScore: latest,
      contactsTrailing12: contacts12,
      jointEventsTrailing12: events12,
      contactsInMonth: byMonth.get(month)?.contacts ?? 0,
      agreementStatus: agreement,
      index: Math.round(parts.score + parts.contacts + parts.jointEvents + parts.agreement),
      parts: Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, Math.round(v * 10) / 10])),
    });
  }
  return { formula: QUALITY_INDEX_FORMULA, series };
}

export function jointEventTotals(events: JointEventRow[]) {
  const held = events.filter((e) => e.status === 'HELD' && e.outcomes);
  const sum = (list: JointEventRow[]) =>
    list.reduce(
      (t, e) => ({
        events: t.events + 1,
        jobSeekersPresent: t.jobSeekersPresent + e.outcomes!.jobSeekersPresent,
        employersPresent: t.employersPresent + e.outcomes!.employersPresent,
        candidatesPresented: t.candidatesPresented + e.outcomes!.candidatesPresented,
        hires: t.hires + e.outcomes!.hires,
      }),
      { events: 0, jobSeekersPresent: 0, employersPresent: 0, candidatesPresented: 0, hires: 0 },
    );
  const kinds = [...new Set(held.map((e) => e.kind))].sort();
  const partners = [...new Set(held.flatMap((e) => e.partnerIds))].sort();
  return {
    all: sum(held),
    byKind: Object.fromEntries(kinds.map((k) => [k, sum(held.filter((e) => e.kind === k))])),
    byPartner: Object.fromEntries(partners.map((p) => [p, sum(held.filter((e) => e.partnerIds.includes(p)))])),
  };
}
