import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { canonicalPayload, chainHash, payloadDigest } from './hash-chain';

describe('payload digest', () => {
  const event = {
    eventId: '0b7f4c1e-9d0a-4c3e-8f5b-1a2b3c4d5e6f',
    type: 'ExpenditureCommitted',
    schemaVersion: 2,
    streamId: 'fund-62001-2018',
    data: { z: [3, { b: 'é\t"q"', a: null }], amountCents: 120_000, nested: { y: undefined, x: 1.5 } },
    metadata: { occurredAt: '2018-03-01T00:00:00.000Z', actor: 'claire', role: 'manager', agency: '62001', correlationId: 'c', causationId: null, idempotencyKey: null },
  };

  it('is the sha256 of the canonical JSON of the whole payload, whatever the key order', () => {
    const { eventId, type, schemaVersion, streamId, data, metadata } = event;
    const whole = canonicalJson({ type, streamId, metadata, data, schemaVersion, eventId });
    expect(payloadDigest(event)).toBe(createHash('sha256').update(whole).digest('hex'));
    const reordered = { ...event, data: { nested: { x: 1.5 }, amountCents: 120_000, z: [3, { a: null, b: 'é\t"q"' }] } };
    expect(payloadDigest(reordered)).toBe(payloadDigest(event));
  });

  it('gives the canonical texts it hashed, and ignores a recordedAt in the metadata', () => {
    const parts = canonicalPayload({ ...event, metadata: { ...event.metadata, recordedAt: '2020-01-01T00:00:00.000Z' } });
    expect(parts.digest).toBe(payloadDigest(event));
    expect(parts.data).toBe(canonicalJson(event.data));
    expect(JSON.parse(parts.metadata)).toEqual(event.metadata);
  });

  it('chains: sha256(previous hash bytes, "position|version|recordedAt|", digest bytes)', () => {
    const previous = 'ab'.repeat(32);
    const digest = payloadDigest(event);
    const expected = createHash('sha256')
      .update(Buffer.from(previous, 'hex'))
      .update('7|3|2018-03-01T10:00:00.000Z|')
      .update(Buffer.from(digest, 'hex'))
      .digest('hex');
    expect(chainHash(previous, 7, 3, '2018-03-01T10:00:00.000Z', digest)).toBe(expected);
  });
});
