import { ApiProperty } from '@nestjs/swagger';
import { CommandResponse, DateProperty, PageOf } from '@ancrage/platform';
import { REFERENT_SIDES } from '../../domain/referents.events';

export class ReferentNamedView extends CommandResponse {
  @ApiProperty({ example: 'ml-berck-entreprises' }) referentId: string;
}

export class ReferentView {
  @ApiProperty({ example: '62002' }) safir: string;
  @ApiProperty({ example: 'ml-berck' }) partnerId: string;
  @ApiProperty({ example: 'ml-berck-entreprises' }) referentId: string;
  @ApiProperty({ enum: REFERENT_SIDES }) side: string;
  @ApiProperty({ example: 'Camille Durand' }) name: string;
  @ApiProperty({ example: 'Chargée de relations entreprises' }) role: string;
  @ApiProperty({ type: 'string', nullable: true, example: '03 21 00 00 00' }) phone: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: 'c.durand@ml-berck.fr' }) email: string | null;
  @DateProperty({ description: 'the day they were named' }) namedOn: string;
  @DateProperty({ nullable: true, description: 'the day they stopped (null: in office)' }) withdrawnOn: string | null;
  @ApiProperty({ type: 'string', nullable: true }) withdrawReason: string | null;
}

export class ReferentsPage extends PageOf(ReferentView) {}
