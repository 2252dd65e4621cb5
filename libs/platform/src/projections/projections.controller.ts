import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProjectionEngine } from '../../../projections/src';

@ApiTags('platform')
@Controller('projections')
export class ProjectionsController {
  constructor(private readonly engine: ProjectionEngine) {}

  @Get()
  @ApiOperation({ summary: 'Each projection: checkpoint, head position, lag, and whether it is live or rebuilding' })
  @ApiOkResponse({ description: 'ProjectionStatus[]' })
  status() {
    return this.engine.status();
  }
}
