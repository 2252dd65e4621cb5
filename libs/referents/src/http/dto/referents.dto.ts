import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { AsOfQueryDto, BooleanQuery, FactDate, IsClientId } from '@ancrage/platform';
import { PartnershipParams } from '@ancrage/partnerships';
import { REFERENT_SIDES, ReferentSide } from '../../domain/referents.events';

/** A French number as people write it (01 23 45 67 89, 01.23.45.67.89, +33 1 23 45 67 89). */
const FRENCH_PHONE = /^(?:\+33 ?|0)[1-9](?:[ .-]?\d{2}){4}$/;
const phoneMessage = { message: 'phone must be a French number such as 03 21 00 00 00 or +33 3 21 00 00 00' };

export class ReferentParams extends PartnershipParams {
  @ApiProperty({ example: 'ml-berck-entreprises' }) @IsClientId('referentId') referentId: string;
}

class ContactFields {
  @ApiPropertyOptional({ example: '03 21 00 00 00', type: 'string', nullable: true, description: 'a phone or an e-mail is required' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(FRENCH_PHONE, phoneMessage)
  phone?: string | null;
  @ApiPropertyOptional({ example: 'c.durand@ml-berck.fr', type: 'string', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Length(3, 254)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email?: string | null;
}

export class NameReferentDto extends ContactFields {
  @ApiProperty({ example: 'ml-berck-entreprises' }) @IsClientId('referentId') referentId: string;
  @ApiProperty({ enum: REFERENT_SIDES, description: 'whose person: the partner’s, or the agency’s for this partner' })
  @IsIn(REFERENT_SIDES)
  side: ReferentSide;
  @ApiProperty({ example: 'Camille Durand' }) @IsString() @Length(1, 200) name: string;
  @ApiProperty({ example: 'Chargée de relations entreprises' }) @IsString() @Length(1, 200) role: string;
  @FactDate('the day the referent was named') namedOn?: string;
}

export class ChangeReferentContactDto extends ContactFields {
  @ApiPropertyOptional({ example: 'Responsable du pôle emploi-formation' }) @IsOptional() @IsString() @Length(1, 200) role?: string;
  @FactDate('the day the contact changed: not before the referent was named') changedOn?: string;
}

export class WithdrawReferentDto {
  @ApiProperty({ example: 'a quitté la Mission locale' }) @IsString() @Length(1, 1000) reason: string;
  @FactDate('the day the referent stopped: not before they were named') withdrawnOn?: string;
}

export class ReferentsQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional({ example: 'ml-berck', description: 'only this partner’s referents' })
  @IsOptional()
  @IsClientId('partnerId')
  partnerId?: string;
  @ApiPropertyOptional({ default: false, description: 'also those withdrawn' })
  @IsOptional()
  @BooleanQuery()
  @IsBoolean()
  includeWithdrawn: boolean = false;
}
