import { AllocateEnvelope, ChangeFund, CorrectPayment, type ExpenditureCategory } from '@ancrage/fund';
import { EARLY_MOBILITY_AGENCY } from './demo-territory';
import type { ScaledAgency } from './demo-register';
import { AgencyLane, day } from './demo-steps';

/**
 * The year's 5% fund: the director allocates the envelope, the agency commits it in pieces and pays
 * them. Proactive agencies spend more on specific and innovative actions, the others on mobility
 * aids. Some commitments are released unpaid, and in 2018 a payment is sometimes corrected.
 */
export function fundYear(a: ScaledAgency, year: number, lane: AgencyLane): void {
  const { at, between, pick, random, manager, director } = lane;
  const pro = a.proactivity;
  const envelope = a.envelopeEuros * 100;
  at(day(year, 1, 2), director, (ctx) => new AllocateEnvelope(a.safir, year, envelope, ctx, day(year, 1, 2)));
  const early = a.safir === EARLY_MOBILITY_AGENCY && year === 2017;
  const plan: { category: ExpenditureCategory; share: number }[] = early
    ? [{ category: 'DEROGATORY_MOBILITY_AID', share: 0.97 }]
    : [
        { category: 'SPECIFIC_PUBLIC_ACTION', share: 0.04 + 0.3 * pro * pro },
        ...(pro >= 0.6 ? [{ category: 'INNOVATIVE_PROJECT' as const, share: 0.1 * pro }] : []),
        { category: 'DEROGATORY_MOBILITY_AID', share: 0.5 - 0.25 * pro },
        { category: 'LOCAL_SERVICE_PURCHASE', share: 0.25 },
      ];
  let n = 0;
  for (const { category, share } of plan) {
    const pieces = category === 'DEROGATORY_MOBILITY_AID' ? between(5, 9) : between(1, 3);
    const each = Math.floor((envelope * share) / pieces);
    for (let i = 0; i < pieces; i++) {
      n += 1;
      const commitmentId = `c${year}-${String(n).padStart(3, '0')}`;
      // The early agency spends its mobility aids in the first five months (encadré 15).
      const month = early ? 1 + Math.floor((i * 5) / pieces) : between(1, 10);
      const committedOn = day(year, month, between(2, 27));
      const mobility =
        category === 'DEROGATORY_MOBILITY_AID'
          ? {
              relaxedCriterion: pick(['RESOURCES', 'CONTRACT_LENGTH', 'MINIMUM_DISTANCE', 'NATURE_OF_EXPENSES'] as const),
              leavesEmploymentBasin: random() < 0.45,
            }
          : null;
      const route = category === 'LOCAL_SERVICE_PURCHASE' ? ('PUBLIC_PROCUREMENT' as const) : ('SUBSIDY' as const);
      at(
        committedOn,
        manager,
        (ctx) =>
          new ChangeFund(
            a.safir,
            year,
            {
              kind: 'commit',
              commitmentId,
              category,
              route,
              amountCents: each,
              beneficiaryPartnerId: null,
              planActionId: null,
              committedOn,
              mobility,
              rationale:
                category === 'DEROGATORY_MOBILITY_AID'
                  ? 'aides à la mobilité (permis, transport, hébergement)'
                  : category === 'INNOVATIVE_PROJECT'
                    ? 'plateforme de mise en relation employeurs – candidats'
                    : 'action ciblée sur un public spécifique',
            },
            ctx,
          ),
      );
      const paidOn = day(year, Math.min(11, month + between(1, 2)), between(2, 27));
      const unpaidShare = random() < 0.15 ? 0.3 : 0;
      const paid = Math.round(each * (1 - unpaidShare));
      at(
        paidOn,
        manager,
        (ctx) =>
          new ChangeFund(a.safir, year, { kind: 'pay', commitmentId, paymentId: `${commitmentId}-p1`, amountCents: paid, paidOn }, ctx),
      );
      if (unpaidShare > 0)
        at(
          day(year, 12, 20),
          manager,
          (ctx) =>
            new ChangeFund(a.safir, year, { kind: 'release', commitmentId, reason: 'prestation terminée sous le montant engagé' }, ctx),
        );
      if (year === 2018 && n === 1 && random() < 0.3) {
        // A payment recorded in error, compensated by a correcting event that names it.
        at(
          day(year, Math.min(12, month + 3), 5),
          manager,
          (ctx) =>
            new CorrectPayment(
              a.safir,
              year,
              commitmentId,
              `${commitmentId}-p1`,
              Math.round(paid * 0.9),
              'montant saisi sur la mauvaise facture',
              ctx,
            ),
        );
      }
    }
  }
  if (early) {
    at(
      day(year, 6, 12),
      director,
      (ctx) =>
        new ChangeFund(
          a.safir,
          year,
          {
            kind: 'authorise-over-commitment',
            amountCents: 5_000_00,
            reason: 'enveloppe consommée dès juin par les aides à la mobilité des saisonniers',
          },
          ctx,
        ),
    );
  }
}
