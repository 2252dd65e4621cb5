import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { AsOfQueryDto, FactDate, IsCalendarDate, CLIENT_ID, IsClientId, SafirParam } from '@ancrage/platform';
import { ATTENDEE_ROLES, AttendeeRole, INSTANCE_KINDS, InstanceKind } from '../../domain/instances.events';

const partnerIds = (field: string) => ({ each: true, message: `each of ${field} must be a partner id` });

export class InstanceParams extends SafirParam {
  @ApiProperty({ example: 'spep-montreuillois' }) @IsClientId('instanceId') instanceId: string;
}

export class JoinInstanceDto {
  @ApiProperty({ example: 'spep-montreuillois' }) @IsClientId('instanceId') instanceId: string;
  @ApiProperty({ enum: INSTANCE_KINDS }) @IsIn(INSTANCE_KINDS) kind: InstanceKind;
  @ApiProperty({ example: 'SPE de proximité du Montreuillois' }) @IsString() @Length(1, 200) name: string;
  @ApiPropertyOptional({ example: 'cfa-btp-62', description: 'the partner that convenes it, when one does' })
  @IsOptional()
  @IsClientId('convenorPartnerId')
  convenorPartnerId?: string;
  @ApiProperty({ type: [String], description: 'partners of the register that sit in it' })
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(CLIENT_ID, partnerIds('memberPartnerIds'))
  memberPartnerIds: string[];
  @FactDate('the day the agency joined the instance') joinedOn?: string;
}

export class ChangeInstanceMembersDto {
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(100) @Matches(CLIENT_ID, partnerIds('added')) added: string[];
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(100) @Matches(CLIENT_ID, partnerIds('removed')) removed: string[];
  @FactDate('the day the membership changed: not before the agency joined') changedOn?: string;
}

export class RecordInstanceMeetingDto {
  @ApiProperty({ example: 'spep-2018-03' }) @IsClientId('meetingId') meetingId: string;
  @ApiProperty({ example: '2018-03-15', description: 'the day the meeting took place: not before joining, not after today' })
  @IsCalendarDate()
  date: string;
  @ApiProperty({ description: 'whether the agency was represented' }) @IsBoolean() attended: boolean;
  @ApiPropertyOptional({
    enum: ATTENDEE_ROLES,
    isArray: true,
    description: 'who represented the agency: required when it attended, empty (the default) when it did not',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @IsIn(ATTENDEE_ROLES, { each: true })
  attendedBy?: AttendeeRole[];
  @ApiProperty({ example: 'Plan de mobilisation pour l’emploi saisonnier' }) @IsString() @Length(1, 200) topic: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2000) note?: string;
}

export class LeaveInstanceDto {
  @ApiProperty() @IsString() @Length(1, 1000) reason: string;
  @FactDate('the day the agency left: not before it joined') leftOn?: string;
}

export class InstancesQueryDto extends AsOfQueryDto {
  @ApiProperty({ example: 2018, description: 'the year whose attendance is counted' })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}
