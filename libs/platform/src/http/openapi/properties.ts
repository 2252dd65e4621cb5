import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';

// Shorthands for the property kinds every view has, so each response class reads as its shape.
type Options = Omit<ApiPropertyOptions, 'type'>;

export const IntegerProperty = (o: Options = {}) => ApiProperty({ type: 'integer', ...o } as ApiPropertyOptions);
export const CentsProperty = (description = 'euro cents', o: Options = {}) =>
  ApiProperty({ type: 'integer', description, ...o } as ApiPropertyOptions);
export const ShareProperty = (description: string, o: Options = {}) =>
  ApiProperty({ type: 'number', minimum: 0, description: `${description} (a share, 0 to 1, 3 decimals)`, ...o } as ApiPropertyOptions);
export const DateProperty = (o: Options = {}) =>
  ApiProperty({ type: 'string', format: 'date', example: '2018-06-30', ...o } as ApiPropertyOptions);
export const InstantProperty = (o: Options = {}) =>
  ApiProperty({ type: 'string', format: 'date-time', example: '2018-07-02T09:14:03.120Z', ...o } as ApiPropertyOptions);
/** An object keyed by codes (categories, statuses, levers…), with integer values. */
export const IntegersByKeyProperty = (description: string, o: Options = {}) =>
  ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description, ...o } as ApiPropertyOptions);
/** The `asOf` / `knownAt` a past view was read at (null: live). */
export class PastReadView {
  @ApiProperty({ type: 'string', nullable: true, description: 'the asOf date the view was read at (null: today)' }) asOf: string | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'the knownAt instant the view was read at (null: now)' }) knownAt:
    string | null;
}
