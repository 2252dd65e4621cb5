import { Body, Controller, Delete, Get, NotFoundException, Param, Post, Put, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Repository } from 'typeorm';
import { ProjectionEngine } from '../../../projections/src';
import { CommandContext, commandResponse, endOfDay, paginate, ReadConsistency } from '../../../platform/src';
import { ChangeUser } from '../commands/change-user.command';
import { IssueApiToken } from '../commands/issue-api-token.command';
import type { Grant } from '../domain/access.events';
import type { Principal } from '../domain/authorization';
import { UserDirectoryRow } from '../read-models/user-directory.entity';
import { userDirectory } from '../read-models/user-directory.projection';
import { Access } from './access.decorator';
import { DisableUserDto, GrantScopeDto, IssueTokenDto, RegisterUserDto, GrantParams, UsersQueryDto } from './dto/users.dto';
import { Actor, CurrentPrincipal } from './principal.request';

@ApiTags('access')
@Controller()
export class UsersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly engine: ProjectionEngine,
    private readonly consistency: ReadConsistency,
    @InjectRepository(UserDirectoryRow) private readonly users: Repository<UserDirectoryRow>,
  ) {}

  @Get('me')
  @Access('scoped')
  @ApiOperation({ summary: 'The signed-in user and their grants' })
  me(@CurrentPrincipal() principal: Principal) {
    return principal;
  }

  @Post('users')
  @Access('admin')
  @ApiOperation({ summary: 'Register a user (admin). Rights are granted separately.' })
  async register(@Body() body: RegisterUserDto, @Actor() ctx: CommandContext) {
    const outcome = await this.commands.execute(
      new ChangeUser(body.userId, { kind: 'register', userId: body.userId, displayName: body.displayName, email: body.email ?? null }, ctx),
    );
    return commandResponse(outcome, { userId: body.userId });
  }

  @Get('users')
  @Access('audit')
  @ApiOperation({ summary: 'Users and their rights (admin, auditor); with asOf/knownAt, as they stood then' })
  async list(@Query() q: UsersQueryDto) {
    await this.consistency.waitFor(q.consistentWith, [userDirectory.name]);
    if (q.asOf || q.knownAt) {
      const rows = await this.engine.replay<{ users: UserDirectoryRow }>(userDirectory.name, { occurredAt: endOfDay(q.asOf), recordedAt: q.knownAt });
      return paginate(rows.list('users').sort((a, b) => a.userId.localeCompare(b.userId)), q);
    }
    const [items, total] = await this.users.findAndCount({ order: { userId: 'ASC' }, take: q.limit, skip: q.offset });
    return { items, total, limit: q.limit, offset: q.offset };
  }

  @Get('users/:userId')
  @Access('audit')
  @ApiOperation({ summary: 'One user and their rights (admin, auditor)' })
  async get(@Param('userId') userId: string) {
    const row = await this.users.findOneBy({ userId });
    if (!row) throw new NotFoundException({ code: 'USER_NOT_FOUND', message: `no user ${userId}` });
    return row;
  }

  @Put('users/:userId/grants/:role')
  @Access('admin')
  @ApiOperation({ summary: 'Grant a role with its scope (replaces an earlier grant of that role)' })
  async grant(@Param('userId') userId: string, @Param() { role }: GrantParams, @Body() body: GrantScopeDto, @Actor() ctx: CommandContext) {
    const grant = { role, ...body } as Grant;
    return commandResponse(await this.commands.execute(new ChangeUser(userId, { kind: 'grant', grant }, ctx)));
  }

  @Delete('users/:userId/grants/:role')
  @Access('admin')
  @ApiOperation({ summary: 'Revoke a role' })
  async revoke(@Param('userId') userId: string, @Param() { role }: GrantParams, @Actor() ctx: CommandContext) {
    return commandResponse(await this.commands.execute(new ChangeUser(userId, { kind: 'revoke', role }, ctx)));
  }

  @Post('users/:userId/disable')
  @Access('admin')
  @ApiOperation({ summary: 'Disable a user: their tokens stop working at once' })
  async disable(@Param('userId') userId: string, @Body() body: DisableUserDto, @Actor() ctx: CommandContext) {
    return commandResponse(await this.commands.execute(new ChangeUser(userId, { kind: 'disable', reason: body.reason }, ctx)));
  }

  @Post('users/:userId/enable')
  @Access('admin')
  @ApiOperation({ summary: 'Enable a disabled user' })
  async enable(@Param('userId') userId: string, @Actor() ctx: CommandContext) {
    return commandResponse(await this.commands.execute(new ChangeUser(userId, { kind: 'enable' }, ctx)));
  }

  @Post('users/:userId/tokens')
  @Access('admin')
  @ApiOperation({ summary: 'Issue an API token; the token is in this answer only (its hash is stored)' })
  async issue(@Param('userId') userId: string, @Body() body: IssueTokenDto, @Actor() ctx: CommandContext) {
    const issued = await this.commands.execute(new IssueApiToken(userId, body.label, body.expiresAt ?? null, ctx));
    return commandResponse(issued.outcome, { tokenId: issued.tokenId, token: issued.token });
  }

  @Delete('users/:userId/tokens/:tokenId')
  @Access('admin')
  @ApiOperation({ summary: 'Revoke an API token' })
  async revokeToken(@Param('userId') userId: string, @Param('tokenId') tokenId: string, @Actor() ctx: CommandContext) {
    return commandResponse(await this.commands.execute(new ChangeUser(userId, { kind: 'revoke-token', tokenId }, ctx)));
  }
}
