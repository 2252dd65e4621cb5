import { Body, Controller, Get, NotFoundException, Param, Patch, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '@ancrage/access';
import { Access, ApiCommand, ApiView, AsOfQueryDto, CommandContext, CommandResponse, commandResponse, paginate } from '@ancrage/platform';
import { ChangePartner } from '../commands/change-partner.command';
import { PartnershipRowsService } from '../read-models/partnership-rows.service';
import { ClosePartnerDto, PartnerParam, PartnersQueryDto, RegisterPartnerDto, UpdatePartnerDto } from './dto/partnerships.dto';
import { PartnerPage, PartnerRecordedView, PartnerView } from './dto/partnerships.views';

@ApiTags('partnerships')
@Controller('partners')
export class PartnersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly rows: PartnershipRowsService,
  ) {}

  @ApiCommand({
    summary: 'Register a partner in the shared register (category, data·inclusion code, optional SIRET, scale, parent network)',
    response: PartnerRecordedView,
    conflict: 'PARTNER_EXISTS; SIRET_REGISTERED: another partner of the register has this SIRET',
    rule: 'INVALID_SIRET, INVALID_SUBKIND (not a code of the category), UNKNOWN_PARENT, FUTURE_DATE',
  })
  @Post()
  @Access('partners.write')
  async register(@Body() b: RegisterPartnerDto, @Actor() ctx: CommandContext): Promise<PartnerRecordedView> {
    const change = {
      kind: 'register' as const,
      partnerId: b.partnerId,
      name: b.name,
      category: b.category,
      subkind: b.subkind ?? null,
      siret: b.siret ?? null,
      scale: b.scale,
      parentPartnerId: b.parentPartnerId ?? null,
      registeredOn: b.registeredOn,
    };
    return commandResponse(await this.commands.execute(new ChangePartner(b.partnerId, change, ctx)), { partnerId: b.partnerId });
  }

  @ApiCommand({
    summary:
      "Update a partner's name, scale or SIRET: only the fields sent change (`siret: null` removes it); an update that changes nothing records nothing",
    rule: 'PARTNER_CLOSED, INVALID_SIRET, DATE_BEFORE_REGISTRATION, FUTURE_DATE',
    conflict: 'SIRET_REGISTERED: another partner of the register has this SIRET',
    notFound: 'PARTNER_NOT_FOUND',
  })
  @Patch(':partnerId')
  @Access('partners.write')
  async update(@Param() { partnerId }: PartnerParam, @Body() b: UpdatePartnerDto, @Actor() ctx: CommandContext): Promise<CommandResponse> {
    return commandResponse(
      await this.commands.execute(
        new ChangePartner(partnerId, { kind: 'update', name: b.name, scale: b.scale, siret: b.siret, updatedOn: b.updatedOn }, ctx),
      ),
    );
  }

  @ApiCommand({
    summary: 'Close a partner: no more contacts or assessments can be recorded with it',
    rule: 'PARTNER_CLOSED: already closed',
    notFound: 'PARTNER_NOT_FOUND',
  })
  @Post(':partnerId/close')
  @Access('partners.write')
  async close(@Param() { partnerId }: PartnerParam, @Body() b: ClosePartnerDto, @Actor() ctx: CommandContext): Promise<CommandResponse> {
    return commandResponse(
      await this.commands.execute(new ChangePartner(partnerId, { kind: 'close', reason: b.reason, closedOn: b.closedOn }, ctx)),
    );
  }

  @ApiView({
    summary: 'The partner register, filtered by category or part of the name, sorted by name, paginated; asOf/knownAt',
    response: PartnerPage,
  })
  @Get()
  @Access('scoped')
  async list(@Query() q: PartnersQueryDto): Promise<PartnerPage> {
    const needle = q.q?.toLowerCase();
    const list = (await this.rows.partnerRegister(q, { category: q.category })).filter(
      (p) => !needle || p.name.toLowerCase().includes(needle),
    );
    return paginate(list, q);
  }

  @ApiView({ summary: 'One partner; asOf/knownAt', response: PartnerView, notFound: 'PARTNER_NOT_FOUND (or not registered at that date)' })
  @Get(':partnerId')
  @Access('scoped')
  async get(@Param() { partnerId }: PartnerParam, @Query() q: AsOfQueryDto): Promise<PartnerView> {
    const [p] = await this.rows.partnerRegister(q, { partnerId });
    if (!p) throw new NotFoundException({ code: 'PARTNER_NOT_FOUND', message: `no partner ${partnerId}` });
    return p;
  }
}
