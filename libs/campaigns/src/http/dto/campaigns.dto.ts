import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { AsOfQueryDto, FactDate, IsCalendarDate, IsClientId, SafirParam } from '@ancrage/platform';
import { SERVICE_OFFER, ServiceOffer } from '@ancrage/shared-kernel';

const SAFIR = /^\d{5}$/;

export class CampaignParams extends SafirParam {
  @ApiProperty({ example: 'complexe-loisirs-2017' }) @IsClientId('campaignId') campaignId: string;
}

export class LaunchCampaignDto {
  @ApiProperty({ example: 'complexe-loisirs-2017' }) @IsClientId('campaignId') campaignId: string;
  @ApiProperty({ example: 'Recrutements du complexe de loisirs' }) @IsString() @Length(1, 200) name: string;
  @ApiPropertyOptional({ example: 'complexe-loisirs', description: 'the employer recruited for, from the partner register' })
  @IsOptional()
  @IsClientId('employerPartnerId')
  employerPartnerId?: string;
  @FactDate('the day the campaign started') startedOn?: string;
  @ApiPropertyOptional({ example: '2018-03-31', description: 'the planned end, not before the start' })
  @IsOptional()
  @IsCalendarDate()
  plannedEndOn?: string;
  @ApiProperty({ example: 600, description: 'posts to fill' }) @IsInt() @Min(1) @Max(1_000_000) posts: number;
  @ApiProperty({ example: 2, description: 'advisers dedicated to the campaign' }) @IsInt() @Min(0) @Max(10_000) dedicatedAdvisers: number;
  @ApiProperty({ enum: SERVICE_OFFER, isArray: true, description: 'the service offer mobilised (MRS, PMSMP, POE…)' })
  @IsArray()
  @ArrayMaxSize(SERVICE_OFFER.length)
  @IsIn(SERVICE_OFFER, { each: true })
  services: ServiceOffer[];
}

export class AddCampaignAgencyDto {
  @ApiProperty({ example: '73002', description: 'the agency that joins the campaign' })
  @Matches(SAFIR, { message: 'safir must be a 5-digit SAFIR code' })
  safir: string;
  @FactDate('the day the agency joined: not before the campaign started') joinedOn?: string;
}

export class ReportCampaignProgressDto {
  @ApiProperty({ example: '2017-06-30', description: 'the day the figures stand at: not before the agency joined, nor its last report' })
  @IsCalendarDate()
  on: string;
  @ApiProperty({ example: 2000, description: 'applications the agency handled to date' })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  applications: number;
  @ApiProperty({ example: 150, description: 'hires to date, never above the applications' })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  hires: number;
}

export class CloseCampaignDto {
  @ApiProperty({ example: '600 postes pourvus ; le partenariat se poursuit au quotidien' }) @IsString() @Length(1, 1000) outcome: string;
  @FactDate('the day the campaign closed: not before it started') closedOn?: string;
}

export class RegionCampaignsQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional({ example: '84', description: 'a region; the country when absent' })
  @IsOptional()
  @Matches(/^\d{2}$/)
  region?: string;
}
