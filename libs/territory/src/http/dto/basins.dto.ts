import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, Length, Matches } from 'class-validator';
import { AsOfQueryDto, FactDate, IsClientId } from '@ancrage/platform';

const BASIN_CODE = { message: "code must be a 4-digit zone d'emploi 2020 code" };
const DEPARTMENT = /^(\d{2}|2A|2B|97\d)$/;

export class BasinParams {
  @ApiProperty({ example: '3214', description: "INSEE zone d'emploi 2020 code" }) @Matches(/^\d{4}$/, BASIN_CODE) code: string;
}

export class RegisterBasinDto {
  @ApiProperty({ example: '3214', description: "INSEE zone d'emploi 2020 code: 4 digits, the first two its region's" })
  @Matches(/^\d{4}$/, BASIN_CODE)
  code: string;
  @ApiProperty({ example: 'Berck' }) @IsString() @Length(1, 200) name: string;
  @ApiProperty({ example: ['62'], description: 'the departments it covers (COG codes), at least one in its region' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Matches(DEPARTMENT, { each: true, message: 'departments must be department codes (01-95, 2A, 2B, 971-976)' })
  departments: string[];
  @FactDate('the day from which the basin is known: give the day its first agency opened, so that past views show it')
  registeredOn?: string;
}

export class RenameBasinDto {
  @ApiProperty({ example: 'Berck-Montreuil' }) @IsString() @Length(1, 200) name: string;
}

export class AssignLeadAgencyDto {
  @ApiProperty({ example: 'ml-montreuillois' }) @IsClientId('partnerId') partnerId: string;
  @ApiProperty({ example: '62002', description: 'SAFIR code of an agency of this basin' })
  @Matches(/^\d{5}$/, { message: 'safir must be a 5-digit SAFIR code' })
  safir: string;
  @ApiPropertyOptional({ example: 'agence la plus proche du siège', type: 'string', nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  note?: string | null;
  @FactDate('the day the agency takes the lead') since?: string;
}

export class BasinsQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional({ example: '32', description: 'only the basins of this region' })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'region must be a 2-digit INSEE code' })
  region?: string;
}
