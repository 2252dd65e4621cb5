import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IntegerProperty } from '../http/openapi/properties';

/** The API is up and its database answers. */
export class HealthView {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
  @IntegerProperty({ minimum: 0, description: 'the global position of the last event in the log (0: empty)' }) headPosition: number;
  @ApiProperty({ description: 'true when the API runs its own embedded PostgreSQL (no DATABASE_URL)' }) embeddedDatabase: boolean;
}

/** One check of a liveness or readiness answer (terminus's indicator result). */
export class HealthComponent {
  @ApiProperty({ enum: ['up', 'down', 'degraded'] }) status: 'up' | 'down' | 'degraded';
  @ApiPropertyOptional({ description: 'why it is down' }) message?: string;
  @IntegerProperty({ minimum: 0, required: false, description: 'database: how long `SELECT 1` took' }) ms?: number;
  @IntegerProperty({ minimum: 0, required: false, description: 'projections: the largest lag behind the log, in events' }) lag?: number;
  @IntegerProperty({ minimum: 0, required: false, description: 'projections: the lag allowed (ANCRAGE_READY_MAX_LAG)' }) maxLag?: number;
  @ApiPropertyOptional({ type: [String], description: 'projections: those further behind than allowed' }) lagging?: string[];
}

export class LivenessChecks {
  @ApiPropertyOptional({ type: HealthComponent, description: 'the heap is under 1.5 GiB' }) heap?: HealthComponent;
}

export class ReadinessChecks {
  @ApiPropertyOptional({ type: HealthComponent }) database?: HealthComponent;
  @ApiPropertyOptional({ type: HealthComponent }) projections?: HealthComponent;
}

const STATUS = {
  enum: ['ok', 'degraded', 'error', 'shutting_down'],
  description: '`ok` (or `degraded`) with 200; `error` or `shutting_down` with 503',
};

export class LivenessView {
  @ApiProperty(STATUS) status: 'ok' | 'degraded' | 'error' | 'shutting_down';
  @ApiPropertyOptional({ type: LivenessChecks, description: 'the checks that passed' }) info?: LivenessChecks;
  @ApiPropertyOptional({ type: LivenessChecks, description: 'the checks that failed' }) error?: LivenessChecks;
  @ApiProperty({ type: LivenessChecks, description: 'every check' }) details: LivenessChecks;
}

export class ReadinessView {
  @ApiProperty(STATUS) status: 'ok' | 'degraded' | 'error' | 'shutting_down';
  @ApiPropertyOptional({ type: ReadinessChecks, description: 'the checks that passed' }) info?: ReadinessChecks;
  @ApiPropertyOptional({ type: ReadinessChecks, description: 'the checks that failed' }) error?: ReadinessChecks;
  @ApiProperty({ type: ReadinessChecks, description: 'every check' }) details: ReadinessChecks;
}
