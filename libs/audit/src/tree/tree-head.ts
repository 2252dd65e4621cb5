import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, sign, verify } from 'node:crypto';
import { canonicalJson } from '@ancrage/event-store';

/**
 * A signed tree head (RFC 9162's STH): the log's first `treeSize` events have this Merkle root.
 * Heads are signed by the server at an interval, stored, and written to the witness location; an
 * auditor keeps any of them and later proves, with the public key only, that the log extends it.
 */
export interface SignedTreeHead {
  format: 'ancrage-tree-head/1';
  treeSize: number;
  /** Hex SHA-256 Merkle root over the first treeSize event hashes (libs/event-store/src/merkle.ts). */
  rootHash: string;
  /** Position of the last event the head covers (0 for an empty log). */
  lastPosition: number;
  /** Root and leaf count of the agency index at this size (tree/agency-index.ts). */
  agencyIndexRoot: string;
  agencyCount: number;
  signedAt: string;
  keyId: string;
  algorithm: 'Ed25519';
  /** Base64 Ed25519 signature over the canonical JSON of every other field. */
  signature: string;
}

type Unsigned = Omit<SignedTreeHead, 'signature'>;

/** Key id: the first 16 hex characters of the SHA-256 of the public key (SPKI DER). */
export function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

export function signTreeHead(
  body: Pick<Unsigned, 'treeSize' | 'rootHash' | 'lastPosition' | 'signedAt' | 'agencyIndexRoot' | 'agencyCount'>,
  privateKeyPem: string,
): SignedTreeHead {
  const key = createPrivateKey(privateKeyPem);
  const unsigned: Unsigned = { format: 'ancrage-tree-head/1', ...body, keyId: keyIdOf(createPublicKey(key)), algorithm: 'Ed25519' };
  return { ...unsigned, signature: sign(null, Buffer.from(canonicalJson(unsigned)), key).toString('base64') };
}

/** True only for a well-formed head whose signature verifies with this public key. */
export function treeHeadSignatureValid(head: SignedTreeHead, publicKeyPem: string): boolean {
  const { signature, ...unsigned } = head;
  if (typeof signature !== 'string' || !Number.isSafeInteger(unsigned.treeSize) || !/^[0-9a-f]{64}$/.test(unsigned.rootHash)) return false;
  try {
    return verify(null, Buffer.from(canonicalJson(unsigned)), createPublicKey(publicKeyPem), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

export function generateSigningKeys(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
  };
}

export const publicKeyOf = (privateKeyPem: string): string =>
  createPublicKey(createPrivateKey(privateKeyPem)).export({ format: 'pem', type: 'spki' }).toString();
