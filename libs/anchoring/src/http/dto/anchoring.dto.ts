import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { AsOfQueryDto, CsvLocale, CsvLocaleProperty, ExportFormat, ExportFormatProperty } from '@ancrage/platform';
import { CONFIGURATIONS, AnchoringConfiguration } from '../../domain/anchoring-profile';

export class AnchoringQueryDto extends AsOfQueryDto {
  @ApiProperty({ example: 2018 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiPropertyOptional({ example: '32', description: 'a region; national when absent' })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'region must be a 2-digit INSEE region code' })
  region?: string;
  @ApiPropertyOptional({ enum: CONFIGURATIONS }) @IsOptional() @IsIn(CONFIGURATIONS) configuration?: AnchoringConfiguration;
  @ExportFormatProperty() format?: ExportFormat;
  @CsvLocaleProperty() locale?: CsvLocale;
}

export class AgencyAnchoringParams {
  @ApiProperty({ example: '62001' }) @Matches(/^\d{5}$/, { message: 'safir must be a 5-digit SAFIR code' }) safir: string;
}

export class AgencyAnchoringQueryDto extends AsOfQueryDto {
  @ApiProperty({ example: 2018 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year: number;
}
