import { ApiProperty } from '@nestjs/swagger';
import { IntegerProperty } from '../http/openapi/properties';

const PROJECTION_STATES = ['live', 'rebuilding', 'stopped', 'behind'] as const;

/** Where a projection (a read model) stands against the log. */
export class ProjectionStatusView {
  @ApiProperty({ example: 'fund-consumption' }) name: string;
  @IntegerProperty({ description: 'the version of its fold in this build' }) version: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'the version its tables were built with (null: never built)' })
  storedVersion: number | null;
  @IntegerProperty({ description: 'the last log position folded into its tables' }) checkpoint: number;
  @IntegerProperty({ description: 'the head position of the log' }) headPosition: number;
  @IntegerProperty({ minimum: 0, description: 'positions between the checkpoint and the head' }) lag: number;
  @ApiProperty({
    enum: PROJECTION_STATES,
    description:
      'live: folding as events arrive; rebuilding: replaying the log into fresh tables; stopped: not running and caught up; behind: not running and behind the head',
  })
  state: (typeof PROJECTION_STATES)[number];
  @ApiProperty({ type: 'integer', nullable: true, description: 'how far a rebuild has got (null: not rebuilding)' }) rebuildPosition:
    number | null;
}
