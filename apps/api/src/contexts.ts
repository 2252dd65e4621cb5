import { ACCESS_CONTEXT } from '@ancrage/access';
import { TERRITORY_CONTEXT } from '@ancrage/territory';
import { FUND_CONTEXT } from '@ancrage/fund';
import { PARTNERSHIPS_CONTEXT } from '@ancrage/partnerships';
import { DIAGNOSTICS_CONTEXT } from '@ancrage/diagnostics';
import { ACTION_PLANS_CONTEXT } from '@ancrage/action-plans';
import { ANCHORING_CONTEXT } from '@ancrage/anchoring';
import { INSTANCES_CONTEXT } from '@ancrage/instances';
import { CAMPAIGNS_CONTEXT } from '@ancrage/campaigns';
import { PATHWAYS_CONTEXT } from '@ancrage/pathways';
import { REFERENTS_CONTEXT } from '@ancrage/referents';
import { DOCUMENTS_CONTEXT } from '@ancrage/documents';
import { AUDIT_CONTEXT } from '@ancrage/audit';
import { ALERTS_CONTEXT } from '@ancrage/alerts';
import type { ContextParts } from '@ancrage/platform';

/** The bounded contexts this deployment serves, in one list: each brings its module, tables, migrations and projections. */
export const CONTEXTS: ContextParts[] = [
  ACCESS_CONTEXT,
  TERRITORY_CONTEXT,
  PARTNERSHIPS_CONTEXT,
  REFERENTS_CONTEXT,
  DOCUMENTS_CONTEXT,
  DIAGNOSTICS_CONTEXT,
  ACTION_PLANS_CONTEXT,
  FUND_CONTEXT,
  INSTANCES_CONTEXT,
  CAMPAIGNS_CONTEXT,
  PATHWAYS_CONTEXT,
  ANCHORING_CONTEXT,
  AUDIT_CONTEXT,
  ALERTS_CONTEXT,
];
