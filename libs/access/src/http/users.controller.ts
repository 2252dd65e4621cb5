import { Body, Controller, Delete, Get, NotFoundException, Param, Post, Put, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LIVE, ReadModels } from '@ancrage/projections';
import { ApiCommand, ApiView, CommandContext, CommandResponse, commandResponse, cutOf, ReadConsistency } from '@ancrage/platform';
import { ChangeUser } from '../commands/change-user.command';
import { IssueApiToken } from '../commands/issue-api-token.command';
import type { Grant } from '../domain/access.events';
import type { Principal } from '../domain/authorization';
import { UserDirectoryRow } from '../read-models/user-directory.entity';
import { userDirectory } from '../read-models/user-directory.projection';
import { Access } from './access.decorator';
import {
  DigestPreferenceDto,
  DigestQueryDto,
  DisableUserDto,
  GrantScopeDto,
  IssueTokenDto,
  PeopleQueryDto,
  RegisterUserDto,
  GrantParams,
  UsersQueryDto,
  TokenParams,
  UserParams,
} from './dto/users.dto';
import { Actor, CurrentPrincipal } from './principal.request';
import {
  ApiTokenIssuedView,
  DigestPreferenceView,
  PersonView,
  PrincipalView,
  UserPage,
  UserRegisteredView,
  UserView,
} from './dto/users.views';

@ApiTags('access')
@Controller()
export class UsersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly reads: ReadModels,
    private readonly consistency: ReadConsistency,
  ) {}

  @Get('me')
  @Access('scoped')
  @ApiOperation({ summary: 'The signed-in user and their grants' })
  @ApiOkResponse({ description: 'the signed-in user', type: PrincipalView })
  me(@CurrentPrincipal() principal: Principal): PrincipalView {
    return principal;
  }

  @ApiView({ summary: "The signed-in user's e-mail digest of alerts: how often, and where", response: DigestPreferenceView })
  @Get('me/digest')
  @Access('scoped')
  async digest(@CurrentPrincipal() principal: Principal, @Query() q: DigestQueryDto): Promise<DigestPreferenceView> {
    await this.consistency.waitFor(q.consistentWith, [userDirectory.name]);
    const row = await this.reads.findOne(UserDirectoryRow, LIVE, { userId: principal.userId });
    return { frequency: row?.digest ?? 'NONE', email: row?.email ?? null };
  }

  @ApiCommand({
    summary: 'Choose your e-mail digest of alerts (none, daily or weekly) and the address it goes to; the same choice records nothing',
    rule: 'EMAIL_REQUIRED: a digest needs an address, and none is registered',
  })
  @Put('me/digest')
  @Access('scoped')
  async setDigest(
    @CurrentPrincipal() principal: Principal,
    @Body() body: DigestPreferenceDto,
    @Actor() ctx: CommandContext,
  ): Promise<CommandResponse> {
    const change = { kind: 'set-digest' as const, frequency: body.frequency, email: body.email };
    return commandResponse(await this.commands.execute(new ChangeUser(principal.userId, change, ctx)));
  }

  @ApiView({
    summary: 'The names of users, for any signed-in user: who recorded or requested what a page shows',
    response: [PersonView],
    consistent: false,
  })
  @Get('people')
  @Access('scoped')
  async people(@Query() q: PeopleQueryDto): Promise<PersonView[]> {
    const rows = await this.reads.find(UserDirectoryRow, LIVE, { userId: [...new Set(q.userId)] }, { order: { userId: 'ASC' } });
    return rows.map(({ userId, displayName }) => ({ userId, displayName }));
  }

  @ApiCommand({
    summary: 'Register a user (admin). Rights are granted separately.',
    response: UserRegisteredView,
    conflict: 'USER_EXISTS',
    rule: 'INVALID_USER_ID',
  })
  @Post('users')
  @Access('admin')
  async register(@Body() body: RegisterUserDto, @Actor() ctx: CommandContext): Promise<UserRegisteredView> {
    const outcome = await this.commands.execute(
      new ChangeUser(body.userId, { kind: 'register', userId: body.userId, displayName: body.displayName, email: body.email ?? null }, ctx),
    );
    return commandResponse(outcome, { userId: body.userId });
  }

  @ApiView({ summary: 'Users and their rights (admin, auditor); with asOf/knownAt, as they stood then', response: UserPage })
  @Get('users')
  @Access('audit')
  async list(@Query() q: UsersQueryDto): Promise<UserPage> {
    await this.consistency.waitFor(q.consistentWith, [userDirectory.name]);
    const { items, total } = await this.reads.page(
      UserDirectoryRow,
      cutOf(q),
      {},
      { order: { userId: 'ASC' }, limit: q.limit, offset: q.offset },
    );
    return { items, total, limit: q.limit, offset: q.offset };
  }

  @ApiView({
    summary: 'One user and their rights (admin, auditor); asOf/knownAt as they stood',
    response: UserView,
    notFound: 'USER_NOT_FOUND (or not registered at that date)',
  })
  @Get('users/:userId')
  @Access('audit')
  async get(@Param() { userId }: UserParams, @Query() q: UsersQueryDto): Promise<UserView> {
    await this.consistency.waitFor(q.consistentWith, [userDirectory.name]);
    const row = await this.reads.findOne(UserDirectoryRow, cutOf(q), { userId });
    if (!row) throw new NotFoundException({ code: 'USER_NOT_FOUND', message: `no user ${userId}` });
    return row;
  }

  @ApiCommand({
    summary: 'Grant a role with its scope (replaces an earlier grant of that role)',
    rule: 'INVALID_SCOPE: a manager needs agencies, a director regions or national: true; UNKNOWN_AGENCY: an agency that is not registered',
    notFound: 'USER_NOT_FOUND',
  })
  @Put('users/:userId/grants/:role')
  @Access('admin')
  async grant(@Param() { userId, role }: GrantParams, @Body() body: GrantScopeDto, @Actor() ctx: CommandContext): Promise<CommandResponse> {
    const grant = { role, ...body } as Grant;
    return commandResponse(await this.commands.execute(new ChangeUser(userId, { kind: 'grant', grant }, ctx)));
  }

  @ApiCommand({ summary: 'Revoke a role', rule: 'ROLE_NOT_GRANTED', notFound: 'USER_NOT_FOUND' })
  @Delete('users/:userId/grants/:role')
  @Access('admin')
  async revoke(@Param() { userId, role }: GrantParams, @Actor() ctx: CommandContext): Promise<CommandResponse> {
    return commandResponse(await this.commands.execute(new ChangeUser(userId, { kind: 'revoke', role }, ctx)));
  }

  @ApiCommand({
    summary: 'Disable a user: their tokens stop working at once (nothing is recorded if already disabled)',
    notFound: 'USER_NOT_FOUND',
  })
  @Post('users/:userId/disable')
  @Access('admin')
  async disable(@Param() { userId }: UserParams, @Body() body: DisableUserDto, @Actor() ctx: CommandContext): Promise<CommandResponse> {
    return commandResponse(await this.commands.execute(new ChangeUser(userId, { kind: 'disable', reason: body.reason }, ctx)));
  }

  @ApiCommand({ summary: 'Enable a disabled user (nothing is recorded if not disabled)', notFound: 'USER_NOT_FOUND' })
  @Post('users/:userId/enable')
  @Access('admin')
  async enable(@Param() { userId }: UserParams, @Actor() ctx: CommandContext): Promise<CommandResponse> {
    return commandResponse(await this.commands.execute(new ChangeUser(userId, { kind: 'enable' }, ctx)));
  }

  @ApiCommand({
    summary: 'Issue an API token; the token is in this answer only (its hash is stored)',
    description: 'The Idempotency-Key is not kept here: the answer holds a secret, and a retry mints a new token.',
    idempotent: false,
    response: ApiTokenIssuedView,
    rule: 'USER_DISABLED, EXPIRY_IN_PAST',
    notFound: 'USER_NOT_FOUND',
  })
  @Post('users/:userId/tokens')
  @Access('admin')
  async issue(@Param() { userId }: UserParams, @Body() body: IssueTokenDto, @Actor() ctx: CommandContext): Promise<ApiTokenIssuedView> {
    const issued = await this.commands.execute(new IssueApiToken(userId, body.label, body.expiresAt ?? null, ctx));
    return commandResponse(issued.outcome, { tokenId: issued.tokenId, token: issued.token });
  }

  @ApiCommand({ summary: 'Revoke an API token (nothing is recorded if already revoked)', notFound: 'USER_NOT_FOUND, TOKEN_NOT_FOUND' })
  @Delete('users/:userId/tokens/:tokenId')
  @Access('admin')
  async revokeToken(@Param() { userId, tokenId }: TokenParams, @Actor() ctx: CommandContext): Promise<CommandResponse> {
    return commandResponse(await this.commands.execute(new ChangeUser(userId, { kind: 'revoke-token', tokenId }, ctx)));
  }
}
