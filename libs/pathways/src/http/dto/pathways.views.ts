import { ApiProperty } from '@nestjs/swagger';
import { CommandResponse, DateProperty, IntegerProperty, PageOf } from '@ancrage/platform';
import { SERVICE_OFFER } from '@ancrage/shared-kernel';

export class PathwayRecordedView extends CommandResponse {
  @ApiProperty({ example: 'parcours-senior' }) pathwayId: string;
}

export class CohortRecordedView extends CommandResponse {
  @ApiProperty({ example: '2018-01' }) cohortId: string;
}

export class PathwayFiguresView {
  @IntegerProperty({ description: 'people who entered the cohorts counted' }) reach: number;
  @IntegerProperty({ description: 'people who left, to date' }) exits: number;
  @IntegerProperty({ description: 'of whom in employment' }) employment: number;
  @IntegerProperty({ description: 'of whom in training' }) training: number;
  @ApiProperty({ type: 'number', nullable: true, example: 0.6, description: 'employment / exits (null before any exit)' })
  employmentRate: number | null;
}

export class PathwayView {
  @ApiProperty({ example: '62001' }) safir: string;
  @ApiProperty({ example: 'parcours-senior' }) pathwayId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [String] }) publics: string[];
  @ApiProperty({ type: [String] }) partnerIds: string[];
  @ApiProperty({ enum: SERVICE_OFFER, isArray: true }) services: string[];
  @IntegerProperty() yearlyReachTarget: number;
  @ApiProperty({ type: 'number', example: 0.6 }) employmentRateTarget: number;
  @ApiProperty({ type: 'string', nullable: true }) planActionId: string | null;
  @DateProperty() openedOn: string;
  @DateProperty({ nullable: true }) closedOn: string | null;
  @ApiProperty({ type: 'string', nullable: true }) closeReason: string | null;
}

export class PathwayOfYearView extends PathwayView {
  @IntegerProperty({ description: 'cohorts started in the year' }) cohorts: number;
  @ApiProperty({ type: PathwayFiguresView, description: 'the cohorts of the year, outcomes to date' }) figures: PathwayFiguresView;
  @ApiProperty({ type: 'number', nullable: true, example: 0.7, description: 'reach / yearlyReachTarget' }) reachShare: number | null;
  @ApiProperty({ type: 'boolean', nullable: true, description: 'employment rate at or above its target (null before any exit)' })
  employmentRateMet: boolean | null;
}

export class PathwaysOfYearView extends PageOf(PathwayOfYearView) {
  @IntegerProperty({ example: 2018 }) year: number;
}

export class CohortView {
  @ApiProperty({ example: '2018-01' }) cohortId: string;
  @DateProperty() startedOn: string;
  @IntegerProperty() entries: number;
  @IntegerProperty() exits: number;
  @IntegerProperty() employment: number;
  @IntegerProperty() training: number;
  @DateProperty({ nullable: true, description: 'the day its latest outcomes stand at' }) outcomesOn: string | null;
}

export class RatePointView extends PathwayFiguresView {
  @DateProperty({ description: 'a day outcomes were recorded' }) on: string;
}

export class PathwayDetailView extends PathwayView {
  @ApiProperty({ type: [CohortView], description: 'every cohort, by start' }) cohortList: CohortView[];
  @ApiProperty({ type: PathwayFiguresView, description: 'over every cohort' }) figures: PathwayFiguresView;
  @ApiProperty({ type: [RatePointView], description: 'the figures over every cohort on each day outcomes were recorded' })
  overTime: RatePointView[];
}
