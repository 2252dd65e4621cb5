export default async function globalTeardown(): Promise<void> {
  const db = (globalThis as { __ANCRAGE_EMBEDDED__?: { stop(): Promise<void> } }).__ANCRAGE_EMBEDDED__;
  await db?.stop();
}
