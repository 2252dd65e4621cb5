import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, EventStore } from '../../../event-store/src';
import { DATABASE_HANDLE } from '../tokens';
import type { DatabaseHandle } from '../database/database';
import { Public } from '../http/public.decorator';

@ApiTags('platform')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATABASE_HANDLE) private readonly database: DatabaseHandle,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness and database reachability (no authentication)' })
  @ApiOkResponse({ description: '{ status: "ok", headPosition, embeddedDatabase }' })
  async health() {
    return { status: 'ok', headPosition: await this.store.headPosition(), embeddedDatabase: this.database.embedded };
  }
}
