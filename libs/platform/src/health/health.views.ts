import { ApiProperty } from '@nestjs/swagger';
import { IntegerProperty } from '../http/openapi/properties';

/** The API is up and its database answers. */
export class HealthView {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
  @IntegerProperty({ minimum: 0, description: 'the global position of the last event in the log (0: empty)' }) headPosition: number;
  @ApiProperty({ description: 'true when the API runs its own embedded PostgreSQL (no DATABASE_URL)' }) embeddedDatabase: boolean;
}
