/** Socio-economic figures of an agency's basin, in percent, at a date. */
export interface TerritorialFigures {
  unemploymentRate: number;
  longTermUnemploymentShare: number;
  seasonalJobShare: number;
  rsaShare: number;
  qpv: boolean;
}

export type ContextClass = 'FAVOURABLE' | 'INTERMEDIATE' | 'DIFFICULT';

export interface Classification {
  class: ContextClass;
  score: number;
  rule: string;
  points: { criterion: string; value: number | boolean; threshold: string; points: number }[];
}

/** National references the thresholds are set against (the study: seasonal jobs 8.6% on average). */
export const NATIONAL = { unemploymentRate: 8.6, seasonalJobShare: 8.6, longTermUnemploymentShare: 45, rsaShare: 7 };

export const CLASSIFICATION_RULE =
  'one point each for: unemployment ≥ national rate (8.6%), and a second ≥ 1.25× it (10.75%); long-term share ≥ 45%; ' +
  'RSA share ≥ 7%; seasonal jobs ≥ 2× the national mean (17.2%); a QPV in the basin. ' +
  '0–1 point: favourable; 2–3: intermediate; 4 or more: difficult.';

/**
 * The study's three contexts from basin figures, with the points that make the score, so a
 * director sees why a basin is classed where it is. The only place this rule is written.
 */
export function classifyContext(f: TerritorialFigures): Classification {
  const points = [
    {
      criterion: 'unemploymentRate',
      value: f.unemploymentRate,
      threshold: `≥ ${NATIONAL.unemploymentRate}`,
      points: f.unemploymentRate >= NATIONAL.unemploymentRate ? 1 : 0,
    },
    {
      criterion: 'unemploymentRate',
      value: f.unemploymentRate,
      threshold: `≥ ${NATIONAL.unemploymentRate * 1.25}`,
      points: f.unemploymentRate >= NATIONAL.unemploymentRate * 1.25 ? 1 : 0,
    },
    {
      criterion: 'longTermUnemploymentShare',
      value: f.longTermUnemploymentShare,
      threshold: `≥ ${NATIONAL.longTermUnemploymentShare}`,
      points: f.longTermUnemploymentShare >= NATIONAL.longTermUnemploymentShare ? 1 : 0,
    },
    { criterion: 'rsaShare', value: f.rsaShare, threshold: `≥ ${NATIONAL.rsaShare}`, points: f.rsaShare >= NATIONAL.rsaShare ? 1 : 0 },
    {
      criterion: 'seasonalJobShare',
      value: f.seasonalJobShare,
      threshold: `≥ ${NATIONAL.seasonalJobShare * 2}`,
      points: f.seasonalJobShare >= NATIONAL.seasonalJobShare * 2 ? 1 : 0,
    },
    { criterion: 'qpv', value: f.qpv, threshold: 'present', points: f.qpv ? 1 : 0 },
  ];
  const score = points.reduce((s, p) => s + p.points, 0);
  return { class: score <= 1 ? 'FAVOURABLE' : score <= 3 ? 'INTERMEDIATE' : 'DIFFICULT', score, rule: CLASSIFICATION_RULE, points };
}
