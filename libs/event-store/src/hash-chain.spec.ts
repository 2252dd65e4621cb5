import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { chainHash, payloadDigest, payloadTexts } from './hash-chain';

describe('payload digest', () => {
  const event = {
    eventId: '0b7f4c1e-9d0a-4c3e-8f5b-1a2b3c4d5e6f',
    type: 'ExpenditureCommitted',
    schemaVersion: 2,
    streamId: 'fund-62001-2018',
    data: { z: [3, { b: 'é\t"q"', a: null }], amountCents: 120_000, nested: { y: undefined, x: 1.5 } },
    metadata: {
      occurredAt: '2018-03-01T00:00:00.000Z',
      actor: 'claire',
      role: 'manager',
      agency: '62001',
      correlationId: 'c',
      causationId: null,
      idempotencyKey: null,
    },
  };
  const reordered = { ...event, data: { nested: { x: 1.5 }, amountCents: 120_000, z: [3, { a: null, b: 'é\t"q"' }] } };
  const envelope = (data: string, metadata: string) =>
    `{"data":${data},"eventId":"${event.eventId}","metadata":${metadata},"schemaVersion":2,"streamId":"fund-62001-2018","type":"ExpenditureCommitted"}`;
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

  it('form 1 is the sha256 of the canonical JSON of the whole payload, whatever the key order', () => {
    const { eventId, type, schemaVersion, streamId, data, metadata } = event;
    const whole = canonicalJson({ type, streamId, metadata, data, schemaVersion, eventId });
    expect(payloadDigest(event, 1)).toBe(sha256(whole));
    expect(payloadDigest(reordered, 1)).toBe(payloadDigest(event, 1));
  });

  it('form 2, the default, hashes data and metadata as JSON.stringify writes them: key order counts', () => {
    expect(payloadDigest(event)).toBe(sha256(envelope(JSON.stringify(event.data), JSON.stringify(event.metadata))));
    expect(payloadDigest(event, 2)).toBe(payloadDigest(event));
    expect(payloadDigest(reordered)).not.toBe(payloadDigest(event));
  });

  it('form 2 recomputes from the stored text parsed back, awkward values included', () => {
    const awkward = {
      ...event,
      data: {
        b: 1,
        10: 'ten',
        2: 'two',
        lone: '\ud800',
        big: 1e21,
        tiny: 5e-7,
        negativeZero: -0,
        when: new Date(0),
        gone: undefined,
        list: [undefined, NaN],
      },
    };
    const texts = payloadTexts(awkward);
    const readBack = { ...awkward, data: JSON.parse(texts.data), metadata: JSON.parse(texts.metadata) };
    expect(payloadDigest(readBack)).toBe(texts.digest);
  });

  it('gives the texts it hashed, and ignores a recordedAt in the metadata', () => {
    for (const form of [1, 2] as const) {
      const parts = payloadTexts({ ...event, metadata: { ...event.metadata, recordedAt: '2020-01-01T00:00:00.000Z' } }, form);
      expect(parts.digest).toBe(payloadDigest(event, form));
      expect(parts.digest).toBe(sha256(envelope(parts.data, parts.metadata)));
      expect(JSON.parse(parts.metadata)).toEqual(event.metadata);
    }
    expect(payloadTexts(event, 1).data).toBe(canonicalJson(event.data));
    expect(payloadTexts(event, 2).data).toBe(JSON.stringify(event.data));
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
