import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, EventStore } from '../../../event-store/src';
import { DATABASE_HANDLE } from '../tokens';
import type { DatabaseHandle } from '../database/database';
import { Public } from '../http/public.decorator';
import { HealthView } from './health.views';

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
  @ApiOkResponse({ description: 'the API is up and its database answers', type: HealthView })
  async health(): Promise<HealthView> {
    return { status: 'ok', headPosition: await this.store.headPosition(), embeddedDatabase: this.database.embedded };
  }
}
