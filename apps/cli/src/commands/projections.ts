import { ProjectionEngine } from '@ancrage/projections';
import { progressBar } from '../progress';
import { withContext } from '../runtime';

export async function projectionsStatus(options: { json?: boolean }): Promise<void> {
  await withContext(async (ctx) => {
    const status = await ctx.get(ProjectionEngine).status();
    if (options.json) return console.log(JSON.stringify(status, null, 2));
    if (status.length === 0) return console.log('no projections registered');
    console.table(
      status.map((s) => ({ name: s.name, state: s.state, checkpoint: s.checkpoint, head: s.headPosition, lag: s.lag, version: s.version })),
    );
  });
}

export async function projectionsRebuild(name: string | undefined): Promise<void> {
  await withContext(async (ctx) => {
    const engine = ctx.get(ProjectionEngine);
    const names = name ? [engine.get(name).name] : engine.names();
    for (const n of names) {
      const bar = progressBar(n.padEnd(28));
      const started = process.hrtime.bigint();
      let started_ = false;
      const result = await engine.rebuild(n, (p) => {
        if (!started_) bar.start(Math.max(p.headPosition, 1), 0, { rate: 0 });
        started_ = true;
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        bar.setTotal(Math.max(p.headPosition, 1));
        bar.update(p.position, { rate: Math.round(p.events / Math.max(seconds, 1e-3)) });
      });
      bar.stop();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      console.log(
        `${n}: rebuilt from ${result.events} events up to position ${result.position} in ${seconds.toFixed(2)} s ` +
          `(${Math.round(result.events / Math.max(seconds, 1e-3))} events/s)`,
      );
    }
  });
}
