import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

/** The agency a route is about, by its SAFIR code: the one path parameter most routes share. */
export class SafirParam {
  @ApiProperty({ example: '62001' }) @Matches(/^\d{5}$/, { message: 'safir must be a 5-digit SAFIR code' }) safir: string;
}
