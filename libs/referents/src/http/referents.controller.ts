import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '@ancrage/access';
import { PartnershipParams } from '@ancrage/partnerships';
import { ReadModels } from '@ancrage/projections';
import {
  Access,
  ApiCommand,
  ApiView,
  CachedView,
  CommandContext,
  CommandResponse,
  commandResponse,
  cutOf,
  paginate,
  ReadConsistency,
  SafirParam,
} from '@ancrage/platform';
import { ChangeReferents, ReferentChange } from '../commands/change-referents.command';
import { ReferentRow } from '../read-models/referents.entities';
import { referentsProjection } from '../read-models/referents.projection';
import { ChangeReferentContactDto, NameReferentDto, ReferentParams, ReferentsQueryDto, WithdrawReferentDto } from './dto/referents.dto';
import { ReferentNamedView, ReferentsPage } from './dto/referents.views';

const NOT_BEFORE_NAMING = 'DATE_BEFORE_NAMING, FUTURE_DATE';

@ApiTags('referents')
@Controller('agencies/:safir')
export class ReferentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly reads: ReadModels,
    private readonly consistency: ReadConsistency,
  ) {}

  private change(p: ReferentParams, change: ReferentChange, ctx: CommandContext) {
    return this.commands.execute(new ChangeReferents(p.safir, p.partnerId, p.referentId, change, ctx));
  }

  @ApiCommand({
    summary: 'Name a referent of the partnership: on the partner’s side or the agency’s, with their role, phone and e-mail',
    response: ReferentNamedView,
    conflict: 'REFERENT_EXISTS',
    rule: 'REFERENT_UNREACHABLE (neither phone nor e-mail), PARTNER_CLOSED, FUTURE_DATE',
    notFound: 'PARTNER_NOT_FOUND',
  })
  @Post('partnerships/:partnerId/referents')
  @Access('agency.write')
  async name(
    @Param() { safir, partnerId }: PartnershipParams,
    @Body() b: NameReferentDto,
    @Actor() ctx: CommandContext,
  ): Promise<ReferentNamedView> {
    const change: ReferentChange = {
      kind: 'name',
      side: b.side,
      name: b.name,
      contact: { role: b.role, phone: b.phone ?? null, email: b.email ?? null },
      namedOn: b.namedOn,
    };
    return commandResponse(await this.change({ safir, partnerId, referentId: b.referentId }, change, ctx), { referentId: b.referentId });
  }

  @ApiCommand({
    summary: 'Change a referent’s role, phone or e-mail (an absent field keeps its value, null removes a phone or e-mail)',
    rule: `REFERENT_UNREACHABLE, REFERENT_WITHDRAWN, ${NOT_BEFORE_NAMING}`,
    notFound: 'REFERENT_NOT_FOUND',
  })
  @Patch('partnerships/:partnerId/referents/:referentId')
  @Access('agency.write')
  async changeContact(
    @Param() p: ReferentParams,
    @Body() b: ChangeReferentContactDto,
    @Actor() ctx: CommandContext,
  ): Promise<CommandResponse> {
    const contact = {
      ...(b.role !== undefined && { role: b.role }),
      ...(b.phone !== undefined && { phone: b.phone }),
      ...(b.email !== undefined && { email: b.email }),
    };
    return commandResponse(await this.change(p, { kind: 'change-contact', contact, changedOn: b.changedOn }, ctx));
  }

  @ApiCommand({
    summary: 'Record that a referent no longer holds the role, with a reason',
    rule: `REFERENT_WITHDRAWN (already), ${NOT_BEFORE_NAMING}`,
    notFound: 'REFERENT_NOT_FOUND',
  })
  @Post('partnerships/:partnerId/referents/:referentId/withdrawn')
  @Access('agency.write')
  async withdraw(@Param() p: ReferentParams, @Body() b: WithdrawReferentDto, @Actor() ctx: CommandContext): Promise<CommandResponse> {
    return commandResponse(await this.change(p, { kind: 'withdraw', reason: b.reason, withdrawnOn: b.withdrawnOn }, ctx));
  }

  @ApiView({
    summary: 'The agency’s referents, partner by partner (in office unless includeWithdrawn); asOf/knownAt as it stood',
    response: ReferentsPage,
    notFound: 'AGENCY_NOT_FOUND',
  })
  @Get('referents')
  @CachedView()
  @Access('agency.read')
  async list(@Param() { safir }: SafirParam, @Query() q: ReferentsQueryDto): Promise<ReferentsPage> {
    await this.consistency.waitFor(q.consistentWith, [referentsProjection.name]);
    const rows = await this.reads.find(ReferentRow, cutOf(q), { safir, ...(q.partnerId && { partnerId: q.partnerId }) });
    const shown = rows
      .filter((r) => q.includeWithdrawn || r.withdrawnOn === null)
      .sort((a, b) => a.partnerId.localeCompare(b.partnerId) || a.side.localeCompare(b.side) || a.name.localeCompare(b.name));
    return paginate(shown, q);
  }
}
