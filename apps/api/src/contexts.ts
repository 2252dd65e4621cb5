import { ACCESS_CONTEXT } from '../../../libs/access/src';
import { TERRITORY_CONTEXT } from '../../../libs/territory/src';
import { FUND_CONTEXT } from '../../../libs/fund/src';
import { PARTNERSHIPS_CONTEXT } from '../../../libs/partnerships/src';
import { DIAGNOSTICS_CONTEXT } from '../../../libs/diagnostics/src';
import { ACTION_PLANS_CONTEXT } from '../../../libs/action-plans/src';
import { ANCHORING_CONTEXT } from '../../../libs/anchoring/src';
import { AUDIT_CONTEXT } from '../../../libs/audit/src';
import type { ContextParts } from '../../../libs/platform/src';

/** The bounded contexts this deployment serves, in one list: each brings its module, tables, migrations and projections. */
export const CONTEXTS: ContextParts[] = [ACCESS_CONTEXT, TERRITORY_CONTEXT, PARTNERSHIPS_CONTEXT, DIAGNOSTICS_CONTEXT, ACTION_PLANS_CONTEXT, FUND_CONTEXT, ANCHORING_CONTEXT, AUDIT_CONTEXT];
