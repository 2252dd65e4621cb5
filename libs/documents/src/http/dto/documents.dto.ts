import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length, Matches } from 'class-validator';
import { AsOfQueryDto, BooleanQuery, ConsistentWithProperty, FactDate, IsClientId } from '@ancrage/platform';
import { AgreementParams } from '@ancrage/partnerships';

export class DocumentParams extends AgreementParams {
  @ApiProperty({ description: 'the SHA-256 of the file (64 hexadecimal digits)', example: 'a3f5…' })
  @Matches(/^[0-9a-f]{64}$/, { message: 'documentId must be the SHA-256 of a file: 64 lowercase hexadecimal digits' })
  documentId: string;
}

/** The fields sent beside the file (multipart/form-data). */
export class AttachDocumentDto {
  @ApiProperty({ example: 'Convention signée', description: 'what the document is' }) @IsString() @Length(1, 200) title: string;
  @FactDate('the day the document was attached: not before the agreement was signed') attachedOn?: string;
}

export class WithdrawDocumentDto {
  @ApiProperty({ example: 'version non signée, jointe par erreur' }) @IsString() @Length(1, 1000) reason: string;
  @FactDate('the day it was withdrawn') withdrawnOn?: string;
}

export class DocumentsQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional({ example: 'conv-ml-2017', description: 'only this agreement’s documents' })
  @IsOptional()
  @IsClientId('agreementId')
  agreementId?: string;
  @ApiPropertyOptional({ default: false, description: 'also those withdrawn' })
  @IsOptional()
  @BooleanQuery()
  @IsBoolean()
  includeWithdrawn: boolean = false;
}

export class DownloadQueryDto {
  @ConsistentWithProperty() consistentWith?: number;
}
