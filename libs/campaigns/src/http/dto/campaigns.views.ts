import { ApiProperty } from '@nestjs/swagger';
import { CommandResponse, DateProperty, IntegerProperty, PageOf } from '@ancrage/platform';
import { SERVICE_OFFER } from '@ancrage/shared-kernel';

export class CampaignRecordedView extends CommandResponse {
  @ApiProperty({ example: 'complexe-loisirs-2017' }) campaignId: string;
}

export class CampaignFiguresView {
  @IntegerProperty() posts: number;
  @IntegerProperty({ description: 'applications handled to date' }) applications: number;
  @IntegerProperty({ description: 'hires to date' }) hires: number;
  @ApiProperty({ type: 'number', nullable: true, example: 0.8, description: 'hires / posts (null without posts)' }) fillRate: number | null;
  @ApiProperty({ type: 'number', nullable: true, example: 10, description: 'applications / posts' }) applicationsPerPost: number | null;
}

export class CampaignAgencyView {
  @ApiProperty({ example: '73001' }) safir: string;
  @ApiProperty({ type: 'string', nullable: true, example: '84' }) region: string | null;
  @ApiProperty({ enum: ['LEAD', 'PARTICIPANT'] }) role: string;
  @DateProperty() joinedOn: string;
  @IntegerProperty({ description: 'its latest figure to date' }) applications: number;
  @IntegerProperty({ description: 'its latest figure to date' }) hires: number;
  @DateProperty({ nullable: true, description: 'the day its latest figures stand at' }) lastReportOn: string | null;
}

export class CampaignView {
  @ApiProperty({ example: 'complexe-loisirs-2017' }) campaignId: string;
  @ApiProperty({ example: '73001' }) leadSafir: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: 'string', nullable: true }) employerPartnerId: string | null;
  @DateProperty() startedOn: string;
  @DateProperty({ nullable: true }) plannedEndOn: string | null;
  @DateProperty({ nullable: true }) closedOn: string | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'what the lead said of it at the close' }) outcome: string | null;
  @IntegerProperty() posts: number;
  @IntegerProperty() dedicatedAdvisers: number;
  @ApiProperty({ enum: SERVICE_OFFER, isArray: true }) services: string[];
  @ApiProperty({ enum: ['RUNNING', 'CLOSED'] }) status: string;
  @ApiProperty({ type: [CampaignAgencyView], description: 'the lead first, then the agencies that joined' }) agencies: CampaignAgencyView[];
  @ApiProperty({ type: CampaignFiguresView, description: 'every agency’s latest figures, summed' }) totals: CampaignFiguresView;
}

export class CampaignPage extends PageOf(CampaignView) {}

export class CampaignProgressPointView extends CampaignFiguresView {
  @DateProperty({ description: 'a day an agency reported' }) on: string;
}

export class CampaignDetailView extends CampaignView {
  @ApiProperty({ type: [CampaignProgressPointView], description: 'the totals on each day an agency reported' })
  progress: CampaignProgressPointView[];
}
