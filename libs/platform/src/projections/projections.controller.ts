import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProjectionEngine } from '@ancrage/projections';
import { Access } from '../http/access-policy';
import { ProjectionStatusView } from './projection-status.views';

@ApiTags('platform')
@Controller('projections')
export class ProjectionsController {
  constructor(private readonly engine: ProjectionEngine) {}

  @Get()
  @Access('audit')
  @ApiOperation({ summary: 'Each projection (admin, auditor): checkpoint, head position, lag, and whether it is live or rebuilding' })
  @ApiOkResponse({ description: 'one entry per projection', type: ProjectionStatusView, isArray: true })
  status(): Promise<ProjectionStatusView[]> {
    return this.engine.status();
  }
}
