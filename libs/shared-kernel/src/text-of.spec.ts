import { textOf } from './text-of';

describe('textOf', () => {
  it('prints scalars as String() does, and objects as JSON', () => {
    expect([textOf('a'), textOf(1.5), textOf(-0), textOf(true), textOf(10n), textOf(null), textOf(undefined)]).toEqual([
      'a',
      '1.5',
      '0',
      'true',
      '10',
      'null',
      'undefined',
    ]);
    expect(textOf({ a: 1 })).toBe('{"a":1}');
    expect(textOf(['x', 2])).toBe('["x",2]');
    expect(textOf(new Date('2018-06-30T00:00:00Z'))).toBe('"2018-06-30T00:00:00.000Z"');
    expect(textOf(Symbol('s'))).toBe('Symbol(s)');
  });
});
