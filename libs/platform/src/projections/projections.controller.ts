import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProjectionEngine } from '../../../projections/src';
import { Access } from '../http/access-policy';

@ApiTags('platform')
@Controller('projections')
export class ProjectionsController {
  constructor(private readonly engine: ProjectionEngine) {}

  @Get()
  @Access('audit')
  @ApiOperation({ summary: 'Each projection (admin, auditor): checkpoint, head position, lag, and whether it is live or rebuilding' })
  @ApiOkResponse({ description: 'ProjectionStatus[]' })
  status() {
    return this.engine.status();
  }
}
