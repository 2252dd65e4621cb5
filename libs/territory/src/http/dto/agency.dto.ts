import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsNumber, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { AsOfQueryDto, IsCalendarDate } from '@ancrage/platform';
import { AREA_TYPES, AreaType } from '../../domain/territory.events';

export class RegisterAgencyDto {
  @ApiProperty({ example: '75001', description: 'SAFIR code, 5 digits' })
  @Matches(/^\d{5}$/, { message: 'safir must be a 5-digit SAFIR code' })
  safir: string;

  @ApiProperty({ example: 'Paris 15e Vaugirard' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ example: '11', description: 'INSEE region code (COG)' })
  @Matches(/^\d{2}$/, { message: 'region must be a 2-digit INSEE code' })
  region: string;

  @ApiProperty({ example: '75', description: 'INSEE department code (COG)' })
  @Matches(/^(\d{2}|2A|2B|97\d)$/, { message: 'department must be an INSEE department code (01-95, 2A, 2B, 971-976)' })
  department: string;

  @ApiProperty({ example: '1109', description: "INSEE zone d'emploi 2020 code of a registered basin (POST /basins)" })
  @Matches(/^\d{4}$/, { message: "employmentBasin must be a 4-digit zone d'emploi 2020 code" })
  employmentBasin: string;

  @ApiProperty({ enum: AREA_TYPES })
  @IsIn(AREA_TYPES)
  areaType: AreaType;

  @ApiPropertyOptional({ example: '2009-01-05', description: 'When the agency opened (its registration is dated then; default: now)' })
  @IsOptional()
  @IsCalendarDate()
  openedOn?: string;
}

export class TerritorialFiguresDto {
  @ApiProperty({ example: 9.4, description: 'percent' }) @IsNumber() @Min(0) @Max(100) unemploymentRate: number;
  @ApiProperty({ example: 44, description: 'percent of job seekers' }) @IsNumber() @Min(0) @Max(100) longTermUnemploymentShare: number;
  @ApiProperty({ example: 8.6, description: 'percent of jobs' }) @IsNumber() @Min(0) @Max(100) seasonalJobShare: number;
  @ApiProperty({ example: 6.1, description: 'percent of households' }) @IsNumber() @Min(0) @Max(100) rsaShare: number;
  @ApiProperty({ description: 'a quartier prioritaire in the basin' }) @IsBoolean() qpv: boolean;
}

export class ReviseContextDto {
  @ApiProperty({ example: '2017-12-31' })
  @IsCalendarDate()
  effectiveDate: string;

  @ApiProperty({ type: TerritorialFiguresDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => TerritorialFiguresDto)
  figures: TerritorialFiguresDto;

  @ApiPropertyOptional({ example: 'INSEE, DARES' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  source?: string;
}

export class AgenciesQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional({ example: '11' })
  @IsOptional()
  @Matches(/^\d{2}$/)
  region?: string;
}
