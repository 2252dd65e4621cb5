/** French labels of the plans' codes: one source for the exports, the digests and the page's catalogue. */
export const PLAN_STATUS_FR: Readonly<Record<string, string>> = { DRAFT: 'En préparation', ADOPTED: 'Adopté', CLOSED: 'Clôturé' };
