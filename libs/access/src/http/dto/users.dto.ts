import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEmail, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { AsOfQueryDto, ConsistentWithProperty, IsDateOrInstant } from '@ancrage/platform';
import { DIGEST_FREQUENCIES, DigestFrequency, Role, ROLES } from '../../domain/access.events';

export class RegisterUserDto {
  @ApiProperty({ example: 'claire-martin', description: '2-63 lower-case letters, digits, - or _' })
  @Matches(/^[a-z0-9][a-z0-9_-]{1,62}$/, { message: 'userId must be 2-63 lower-case letters, digits, - or _' })
  userId: string;

  @ApiProperty({ example: 'Claire Martin' })
  @IsString()
  @Length(1, 200)
  displayName: string;

  @ApiPropertyOptional({ example: 'claire.martin@example.org' })
  @IsOptional()
  @IsEmail()
  email?: string;
}

const USER_ID = /^[a-z0-9][a-z0-9_-]{1,62}$/;

/** Route parameters of /users/:userId. */
export class UserParams {
  @ApiProperty({ example: 'claire-martin' })
  @Matches(USER_ID, { message: 'userId must be 2-63 lower-case letters, digits, - or _' })
  userId: string;
}

/** Route parameters of /users/:userId/tokens/:tokenId. */
export class TokenParams extends UserParams {
  @ApiProperty({ example: 'Xq2v9Lk0aB7c' })
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'tokenId must be 1-64 letters, digits, - or _' })
  tokenId: string;
}

/** Route parameters of /users/:userId/grants/:role. */
export class GrantParams extends UserParams {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;
}

export class GrantScopeDto {
  @ApiPropertyOptional({ type: [String], example: ['75001'], description: 'manager: SAFIR codes of the agencies' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @Matches(/^\d{5}$/, { each: true, message: 'each agency must be a 5-digit SAFIR code' })
  agencies?: string[];

  @ApiPropertyOptional({ type: [String], example: ['11'], description: 'director: INSEE region codes' })
  @IsOptional()
  @ArrayMinSize(1)
  @Matches(/^\d{2}$/, { each: true, message: 'each region must be a 2-digit INSEE code' })
  regions?: string[];

  @ApiPropertyOptional({ description: 'director: the whole country' })
  @IsOptional()
  @IsBoolean()
  national?: boolean;
}

export class DisableUserDto {
  @ApiProperty({ example: 'left the agency' })
  @IsString()
  @Length(1, 500)
  reason: string;
}

export class IssueTokenDto {
  @ApiProperty({ example: 'dashboard' })
  @IsString()
  @Length(1, 100)
  label: string;

  @ApiPropertyOptional({ example: '2027-06-30T00:00:00Z' })
  @IsOptional()
  @IsDateOrInstant()
  expiresAt?: string;
}

export class UsersQueryDto extends AsOfQueryDto {}

/** Whose names a page wants (the authors of what it shows). */
export class PeopleQueryDto {
  @ApiProperty({ type: [String], example: ['claire-martin', 'direction-hdf'], description: 'user ids, at most 200' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',') : value))
  @ArrayMaxSize(200)
  @Matches(USER_ID, { each: true, message: 'each userId must be 2-63 lower-case letters, digits, - or _' })
  userId: string[];
}

/** The signed-in user's e-mail digest of alerts. */
export class DigestPreferenceDto {
  @ApiProperty({ enum: DIGEST_FREQUENCIES, description: 'NONE: no e-mail; DAILY: every morning; WEEKLY: on Monday mornings' })
  @IsIn(DIGEST_FREQUENCIES)
  frequency: DigestFrequency;

  @ApiPropertyOptional({ example: 'claire.martin@francetravail.fr', description: 'where digests go (default: the address registered)' })
  @IsOptional()
  @IsEmail()
  @Length(3, 254)
  email?: string;
}

export class DigestQueryDto {
  @ConsistentWithProperty() consistentWith?: number;
}
