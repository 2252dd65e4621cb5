import { ApiProperty } from '@nestjs/swagger';
import { CommandResponse, DateProperty, IntegerProperty, PageOf } from '@ancrage/platform';

export class BasinRegisteredView extends CommandResponse {
  @ApiProperty({ example: '3214' }) code: string;
}

export class DepartmentView {
  @ApiProperty({ example: '62' }) code: string;
  @ApiProperty({ example: 'Pas-de-Calais' }) name: string;
}

export class BasinSummaryView {
  @ApiProperty({ example: '3214' }) code: string;
  @ApiProperty({ example: 'Berck' }) name: string;
  @ApiProperty({ example: '32' }) region: string;
  @ApiProperty({ type: [DepartmentView] }) departments: DepartmentView[];
  @DateProperty({ description: 'the day it was registered' }) registeredOn: string;
  @IntegerProperty({ description: 'agencies registered in it' }) agencyCount: number;
}

export class BasinPage extends PageOf(BasinSummaryView) {}

export class BasinAgencyView {
  @ApiProperty({ example: '62002' }) safir: string;
  @ApiProperty({ example: 'Berck-sur-Mer' }) name: string;
  @ApiProperty({ example: '62' }) department: string;
  @ApiProperty({ example: 'RURAL' }) areaType: string;
}

export class BasinPartnerView {
  @ApiProperty({ example: 'ml-montreuillois' }) partnerId: string;
  @ApiProperty({ example: 'Mission locale du Montreuillois', type: 'string', nullable: true }) name: string | null;
  @ApiProperty({ example: 'MISSION_LOCALE', type: 'string', nullable: true }) category: string | null;
  @ApiProperty({ example: ['62001', '62002'], description: 'the basin’s agencies that work with it' }) agencies: string[];
  @ApiProperty({ example: '62002', type: 'string', nullable: true, description: 'the agency leading the partnership for the basin' })
  leadSafir: string | null;
  @DateProperty({ nullable: true, description: 'since when it leads' }) leadSince: string | null;
  @ApiProperty({ type: 'string', nullable: true }) leadNote: string | null;
}

export class BasinInstanceView {
  @ApiProperty({ example: '62002' }) safir: string;
  @ApiProperty({ example: 'spep-montreuil' }) instanceId: string;
  @ApiProperty({ example: 'SPEP_PROXIMITE' }) kind: string;
  @ApiProperty({ example: 'SPEP de proximité du Montreuillois' }) name: string;
}

export class BasinCampaignView {
  @ApiProperty({ example: 'parc-loisirs-2018' }) campaignId: string;
  @ApiProperty({ example: 'Recrutement du parc de loisirs' }) name: string;
  @ApiProperty({ example: '62002' }) leadSafir: string;
  @ApiProperty({ example: ['62002', '62001'], description: 'the basin’s agencies taking part' }) agencies: string[];
  @DateProperty({ nullable: true }) closedOn: string | null;
}

export class BasinView {
  @ApiProperty({ example: '3214' }) code: string;
  @ApiProperty({ example: 'Berck' }) name: string;
  @ApiProperty({ example: '32' }) region: string;
  @ApiProperty({ type: [DepartmentView] }) departments: DepartmentView[];
  @DateProperty() registeredOn: string;
  @ApiProperty({ type: [BasinAgencyView] }) agencies: BasinAgencyView[];
  @ApiProperty({
    type: [BasinPartnerView],
    description: 'partners that several of its agencies work with, or that have a lead agency, most shared first',
  })
  partners: BasinPartnerView[];
  @ApiProperty({ type: [BasinInstanceView], description: 'the instances its agencies sit in' }) instances: BasinInstanceView[];
  @ApiProperty({ type: [BasinCampaignView], description: 'campaigns and multi-agency projects its agencies take part in' })
  campaigns: BasinCampaignView[];
}
