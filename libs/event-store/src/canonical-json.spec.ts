import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"y":2,"z":1}]},"b":1}');
  });
  it('gives the same text for objects that differ only in key order', () => {
    expect(canonicalJson({ x: 'é', y: null })).toBe(canonicalJson({ y: null, x: 'é' }));
  });
});
