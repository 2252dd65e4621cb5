import type { Type } from '@nestjs/common';
import { AccessModule } from '../../../libs/access/src';
import { TerritoryModule } from '../../../libs/territory/src';
import { FundModule } from '../../../libs/fund/src';
import { AuditModule } from '../../../libs/audit/src';
import { PartnershipsModule } from '../../../libs/partnerships/src';
import { DiagnosticsModule } from '../../../libs/diagnostics/src';
import { ActionPlansModule } from '../../../libs/action-plans/src';
import { AnchoringModule } from '../../../libs/anchoring/src';

/** Nest modules of the bounded contexts (controllers and handlers). */
export const CONTEXT_MODULES: Type[] = [AccessModule, TerritoryModule, PartnershipsModule, DiagnosticsModule, ActionPlansModule, FundModule, AnchoringModule, AuditModule];
