import { ApiProperty } from '@nestjs/swagger';
import { CommandResponse, DateProperty, InstantProperty, IntegerProperty, PageOf } from '@ancrage/platform';
import type { ContextClass } from '../../domain/context-classification';
import { AREA_TYPES } from '../../domain/territory.events';

const CONTEXT_CLASSES: readonly ContextClass[] = ['FAVOURABLE', 'INTERMEDIATE', 'DIFFICULT'];
const CRITERIA = ['unemploymentRate', 'longTermUnemploymentShare', 'rsaShare', 'seasonalJobShare', 'qpv'] as const;

export class AgencyRegisteredView extends CommandResponse {
  @ApiProperty({ example: '62001', description: 'SAFIR code of the registered agency' }) safir: string;
}

/** Socio-economic figures of the agency's basin, as last revised. */
export class AgencyFiguresView {
  @ApiProperty({ type: 'number', example: 9.4, description: 'percent' }) unemploymentRate: number;
  @ApiProperty({ type: 'number', example: 44, description: 'percent of job seekers' }) longTermUnemploymentShare: number;
  @ApiProperty({ type: 'number', example: 8.6, description: 'percent of jobs' }) seasonalJobShare: number;
  @ApiProperty({ type: 'number', example: 6.1, description: 'percent of households' }) rsaShare: number;
  @ApiProperty({ description: 'a quartier prioritaire in the basin' }) qpv: boolean;
}

/** One criterion of the classification: the figure, the threshold it is compared with, the point it earns. */
export class ClassificationPointView {
  @ApiProperty({ enum: CRITERIA, description: 'the figure (unemploymentRate appears twice: at the national rate and at 1.25× it)' })
  criterion: string;
  @ApiProperty({ oneOf: [{ type: 'number' }, { type: 'boolean' }], description: 'the figure: a percentage, or a boolean for qpv' }) value:
    number | boolean;
  @ApiProperty({ example: '≥ 8.6', description: 'the threshold, in words' }) threshold: string;
  @IntegerProperty({ minimum: 0, maximum: 1, description: '1 when the threshold is reached' }) points: number;
}

export class ClassificationView {
  @ApiProperty({ enum: CONTEXT_CLASSES }) class: string;
  @IntegerProperty({ minimum: 0, maximum: 6, description: 'sum of the points' }) score: number;
  @ApiProperty({ description: 'the classification rule, in words' }) rule: string;
  @ApiProperty({ type: [ClassificationPointView] }) points: ClassificationPointView[];
}

/** An agency: identity, geography and its latest territorial context with the reasons for its class. */
export class AgencyView {
  @ApiProperty({ example: '62001', description: 'SAFIR code' }) safir: string;
  @ApiProperty({ example: 'Berck-sur-Mer' }) name: string;
  @ApiProperty({ example: '32', description: 'INSEE region code' }) region: string;
  @ApiProperty({ example: '62', description: 'INSEE department code' }) department: string;
  @ApiProperty({ example: '3214', description: "INSEE zone d'emploi 2020 code" }) employmentBasin: string;
  @ApiProperty({ enum: AREA_TYPES }) areaType: string;
  @InstantProperty({ description: 'when the agency opened (openedOn, at midnight UTC), or else when it was registered' })
  registeredAt: string;
  @DateProperty({ nullable: true, description: 'date of the latest territorial context (null: none yet)' }) contextEffectiveDate:
    string | null;
  @ApiProperty({ type: AgencyFiguresView, nullable: true, description: 'the latest figures (null: no context yet)' })
  figures: AgencyFiguresView | null;
  @ApiProperty({
    type: 'string',
    enum: [...CONTEXT_CLASSES, null],
    nullable: true,
    description: 'the class of the latest context (null: no context yet)',
  })
  contextClass: string | null;
  @ApiProperty({ type: ClassificationView, nullable: true, description: 'why the agency is in its class (null: no context yet)' })
  classification: ClassificationView | null;
}

export class AgencyPage extends PageOf(AgencyView) {
  @ApiProperty({ description: 'the classification rule of the contexts, in words' }) classificationRule: string;
}
