import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, sign, verify } from 'node:crypto';
import { canonicalJson } from '@ancrage/event-store';

/** A signed statement that the log had this head: what `audit verify --against` checks later. */
export interface SignedDigest {
  headPosition: number;
  headHash: string;
  eventCount: number;
  signedAt: string;
  keyId: string;
  algorithm: 'Ed25519';
  signature: string;
}

type Unsigned = Omit<SignedDigest, 'signature'>;

/** Key id: the first 16 hex characters of the SHA-256 of the public key (SPKI DER). */
export function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

export function signDigest(body: Omit<Unsigned, 'keyId' | 'algorithm'>, privateKeyPem: string): SignedDigest {
  const key = createPrivateKey(privateKeyPem);
  const unsigned: Unsigned = { ...body, keyId: keyIdOf(createPublicKey(key)), algorithm: 'Ed25519' };
  return { ...unsigned, signature: sign(null, Buffer.from(canonicalJson(unsigned)), key).toString('base64') };
}

export function digestSignatureValid(digest: SignedDigest, publicKeyPem: string): boolean {
  const { signature, ...unsigned } = digest;
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
