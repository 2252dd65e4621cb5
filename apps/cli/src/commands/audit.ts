import { EVENT_STORE, EventStore, verifyChain } from '../../../../libs/event-store/src';
import { progressBar } from '../progress';
import { withContext } from '../runtime';

/** Walks the hash chain; exits 1 and names the first bad position when the log was altered. */
export async function auditVerify(): Promise<void> {
  const ok = await withContext(async (ctx) => {
    const store = ctx.get<EventStore>(EVENT_STORE);
    const head = await store.headPosition();
    const bar = progressBar('verifying');
    bar.start(Math.max(head, 1), 0, { rate: 0 });
    const started = Date.now();
    const verdict = await verifyChain(store, {
      onProgress: (checked, position) => bar.update(position, { rate: Math.round(checked / Math.max((Date.now() - started) / 1000, 1e-3)) }),
    });
    bar.stop();
    if (verdict.ok) {
      console.log(`log intact: ${verdict.checked} events, head position ${verdict.headPosition}, head hash ${verdict.headHash}`);
      return true;
    }
    console.log(`LOG ALTERED at position ${verdict.position}: ${verdict.reason} (${verdict.checked} events verified before it)`);
    return false;
  });
  if (!ok) process.exitCode = 1;
}
