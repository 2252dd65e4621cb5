import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CommandResponse, InstantProperty, PageOf } from '@ancrage/platform';
import { DIGEST_FREQUENCIES, ROLES } from '../../domain/access.events';

export class UserRegisteredView extends CommandResponse {
  @ApiProperty({ example: 'claire-martin' }) userId: string;
}

export class ApiTokenIssuedView extends CommandResponse {
  @ApiProperty({ example: 'Xq2v9Lk0aB7c', description: 'the token id (to revoke it)' }) tokenId: string;
  @ApiProperty({
    example: 'anc_claire-martin.Xq2v9Lk0aB7c.<secret>',
    description: 'the bearer token `anc_<userId>.<tokenId>.<secret>`: shown in this answer only (only the hash of its secret is stored)',
  })
  token: string;
}

/**
 * A role and what it applies to: a manager's agencies, a director's regions or the whole country
 * (`national`); auditors and admins apply to everything and carry no scope.
 */
export class GrantView {
  @ApiProperty({ enum: ROLES }) role: string;
  @ApiPropertyOptional({ type: [String], example: ['62001'], description: 'manager: SAFIR codes of the agencies' }) agencies?: string[];
  @ApiPropertyOptional({ type: [String], example: ['32'], description: 'director: INSEE region codes' }) regions?: string[];
  @ApiPropertyOptional({ enum: [true], description: 'director: the whole country (then no regions)' }) national?: true;
}

/** The signed-in user, with the rights their requests are checked against. */
export class PrincipalView {
  @ApiProperty({ example: 'claire-martin' }) userId: string;
  @ApiProperty({ example: 'Claire Martin' }) displayName: string;
  @ApiProperty({ type: [GrantView], description: 'one grant per role' }) grants: GrantView[];
}

/** An API token of a user, without its secret. */
export class UserTokenView {
  @ApiProperty({ example: 'Xq2v9Lk0aB7c' }) tokenId: string;
  @ApiProperty({ example: 'dashboard' }) label: string;
  @ApiProperty({
    type: 'string',
    nullable: true,
    example: '2027-06-30T00:00:00Z',
    description: 'when it stops working, ISO 8601 as given when issued (null: never)',
  })
  expiresAt: string | null;
  @ApiProperty() revoked: boolean;
  @InstantProperty({ description: 'when it was issued' }) issuedAt: string;
}

/** A user of the directory: current rights and tokens. */
export class UserView {
  @ApiProperty({ example: 'claire-martin' }) userId: string;
  @ApiProperty({ example: 'Claire Martin' }) displayName: string;
  @ApiProperty({ type: 'string', nullable: true, example: 'claire.martin@example.org' }) email: string | null;
  @ApiProperty({ enum: DIGEST_FREQUENCIES, description: 'the e-mail digest of alerts the user chose' }) digest: string;
  @ApiProperty({ description: 'a disabled user cannot sign in' }) disabled: boolean;
  @ApiProperty({ type: [GrantView], description: 'one grant per role' }) grants: GrantView[];
  @ApiProperty({ type: [UserTokenView] }) tokens: UserTokenView[];
  @InstantProperty() registeredAt: string;
  @InstantProperty({ description: 'when the last change to the user happened' }) updatedAt: string;
}

export class UserPage extends PageOf(UserView) {}

/** What a signed-in user may know of another: the name they go by. */
export class PersonView {
  @ApiProperty({ example: 'claire-martin' }) userId: string;
  @ApiProperty({ example: 'Claire Martin' }) displayName: string;
}

/** How the signed-in user receives their alerts by e-mail. */
export class DigestPreferenceView {
  @ApiProperty({ enum: DIGEST_FREQUENCIES }) frequency: string;
  @ApiProperty({ type: 'string', nullable: true, example: 'claire.martin@francetravail.fr' }) email: string | null;
}
