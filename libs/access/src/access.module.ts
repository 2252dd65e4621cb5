import { Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ContextParts } from '@ancrage/platform';
import { Authenticator } from './auth/authenticator';
import { PrincipalResolver } from './auth/principal.resolver';
import { ChangeUserHandler } from './commands/change-user.handler';
import { IssueApiTokenHandler } from './commands/issue-api-token.handler';
import { AccessGuard } from './http/access.guard';
import { RouteTable } from './http/route-table';
import { UsersController } from './http/users.controller';
import { AccessUsers1764000001000 } from './migrations/1764000001000-access-users';
import { AuthFailures1764000040200 } from './migrations/1764000040200-auth-failures';
import { UserDirectoryRow } from './read-models/user-directory.entity';
import { userDirectory } from './read-models/user-directory.projection';
import { FirstRunNotice } from './first-run.notice';
import { DigestRecipients } from './digest-recipients';

@Module({
  imports: [DiscoveryModule, TypeOrmModule.forFeature([UserDirectoryRow])],
  controllers: [UsersController],
  providers: [
    PrincipalResolver,
    Authenticator,
    RouteTable,
    FirstRunNotice,
    DigestRecipients,
    ChangeUserHandler,
    IssueApiTokenHandler,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [PrincipalResolver, RouteTable, FirstRunNotice, DigestRecipients],
})
export class AccessModule {}

/** What this context brings to a deployment (apps/api/src/contexts.ts). */
export const ACCESS_CONTEXT: ContextParts = {
  name: 'access',
  entities: [UserDirectoryRow],
  migrations: [AccessUsers1764000001000, AuthFailures1764000040200],
  projections: [userDirectory],
  module: AccessModule,
};
