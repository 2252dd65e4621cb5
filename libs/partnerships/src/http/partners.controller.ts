import { Body, Controller, Get, NotFoundException, Param, Patch, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '../../../access/src';
import { Access, AsOfQueryDto, CommandContext, commandResponse, paginate } from '../../../platform/src';
import { ChangePartner } from '../commands/change-partner.command';
import { PartnershipRowsService } from '../read-models/partnership-rows.service';
import { PartnerParam, PartnersQueryDto, ReasonDto, RegisterPartnerDto, UpdatePartnerDto } from './dto/partnerships.dto';

@ApiTags('partnerships')
@Controller('partners')
export class PartnersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly rows: PartnershipRowsService,
  ) {}

  @Post()
  @Access('partners.write')
  @ApiOperation({ summary: 'Register a partner in the shared register (category, data·inclusion code, optional SIRET, scale, parent network)' })
  async register(@Body() b: RegisterPartnerDto, @Actor() ctx: CommandContext) {
    const change = { kind: 'register' as const, partnerId: b.partnerId, name: b.name, category: b.category, subkind: b.subkind ?? null, siret: b.siret ?? null, scale: b.scale, parentPartnerId: b.parentPartnerId ?? null };
    return commandResponse(await this.commands.execute(new ChangePartner(b.partnerId, change, ctx)), { partnerId: b.partnerId });
  }

  @Patch(':partnerId')
  @Access('partners.write')
  @ApiOperation({ summary: "Update a partner's name, scale or SIRET" })
  async update(@Param() { partnerId }: PartnerParam, @Body() b: UpdatePartnerDto, @Actor() ctx: CommandContext) {
    return commandResponse(await this.commands.execute(new ChangePartner(partnerId, { kind: 'update', name: b.name, scale: b.scale, siret: b.siret ?? null }, ctx)));
  }

  @Post(':partnerId/close')
  @Access('partners.write')
  @ApiOperation({ summary: 'Close a partner: no more contacts or assessments can be recorded with it' })
  async close(@Param() { partnerId }: PartnerParam, @Body() b: ReasonDto, @Actor() ctx: CommandContext) {
    return commandResponse(await this.commands.execute(new ChangePartner(partnerId, { kind: 'close', reason: b.reason }, ctx)));
  }

  @Get()
  @Access('scoped')
  @ApiOperation({ summary: 'The partner register, filtered by category or name, paginated' })
  async list(@Query() q: PartnersQueryDto) {
    const list = (await this.rows.partnerRegister(q))
      .filter((p) => (!q.category || p.category === q.category) && (!q.q || p.name.toLowerCase().includes(q.q.toLowerCase())))
      .sort((a, b) => a.name.localeCompare(b.name));
    return paginate(list, q);
  }

  @Get(':partnerId')
  @Access('scoped')
  @ApiOperation({ summary: 'One partner' })
  async get(@Param() { partnerId }: PartnerParam, @Query() q: AsOfQueryDto) {
    const p = (await this.rows.partnerRegister(q)).find((x) => x.partnerId === partnerId);
    if (!p) throw new NotFoundException({ code: 'PARTNER_NOT_FOUND', message: `no partner ${partnerId}` });
    return p;
  }
}
