import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool, PoolClient } from 'pg';
import { EVENT_STORE, EventStore, extend, frontierOf, leafHash, StoredEventText, treeRoot, withNodes } from '@ancrage/event-store';
import { APP_CONFIG, AppConfig, CLOCK, Clock, JsonLogger, PG_POOL } from '@ancrage/platform';
import { agencyIndexRoot, AgencyState, EMPTY_AGENCY_DIGEST, foldEntry } from './agency-index';
import { signTreeHead, SignedTreeHead } from './tree-head';
import { TreeNode, TreeStore } from './tree-store';

/** The witness file of a head: sorted by size when listed. */
export const witnessFileName = (treeSize: number) => `tree-head-${String(treeSize).padStart(12, '0')}.json`;

/**
 * Seals the log into the Merkle tree and signs a head, at an interval (ANCRAGE_SEAL_INTERVAL_MS,
 * CT's "maximum merge delay"): appends never wait for it. One process seals at a time (an advisory
 * lock), every API process may try. A signed head is stored, then written to the witness folder and
 * POSTed to the witness URL, outside the database an insider controls.
 */
@Injectable()
export class TreeSealer implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly tree: TreeStore,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly logger: JsonLogger,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.audit.sealIntervalMs;
    if (!this.config.runProjections || every === 0) return;
    this.timer = setInterval(() => {
      this.running = this.seal().catch((e: unknown) =>
        this.logger.event('warn', 'sealing the log failed', { error: e instanceof Error ? e.message : String(e) }),
      );
    }, every);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /**
   * Adds every event appended since the last seal to the tree and, with a signing key, signs the new
   * head. Returns the head (null without a key, or when another process holds the seal).
   */
  async seal(): Promise<SignedTreeHead | null> {
    const client = await this.pool.connect();
    let head: SignedTreeHead | null = null;
    try {
      await client.query('BEGIN');
      const locked = (await client.query<{ ok: boolean }>(`SELECT pg_try_advisory_xact_lock(hashtext('ancrage-seal')) AS ok`)).rows[0].ok;
      if (!locked) {
        await client.query('ROLLBACK');
        return null;
      }
      let { size, lastPosition } = await this.tree.size(client);
      const frontierKeys = frontierOf(size);
      const found = await this.tree.nodes(frontierKeys, client);
      const frontier = new Map(frontierKeys.map(([level, index]) => [level, found.get(`${level}:${index}`)!]));
      const grownFrom = size;
      const agencies = new Map<string, AgencyState>();
      // The next batch is read while this one is hashed and inserted.
      let next = this.store.readStoredTexts(lastPosition, 5000, { payload: false });
      for (;;) {
        const events = await next;
        if (events.length === 0) break;
        next = this.store.readStoredTexts(events[events.length - 1].position, 5000, { payload: false });
        const grown = extend(
          size,
          frontier,
          events.map((e) => leafHash(Buffer.from(e.hash, 'hex'))),
        );
        const nodes: TreeNode[] = grown.nodes.map((n) => (n.level === 0 ? { ...n, position: events[n.index - size].position } : n));
        await this.tree.insert(nodes, client);
        await this.foldAgencies(events, agencies, size, client);
        size = grown.size;
        lastPosition = events[events.length - 1].position;
      }
      await this.tree.addAgencyStates([...agencies.values()], size, client);
      const key = this.signingKey();
      const latest = key ? await this.tree.heads(1) : [];
      if (key && size > 0 && (size > grownFrom || latest[0]?.treeSize !== size)) {
        const root = await withNodes(
          (node) => treeRoot(size, node),
          (wanted) => this.tree.nodes(wanted, client),
        );
        const index = await this.tree.agencyStates(size, undefined, client);
        head = signTreeHead(
          {
            treeSize: size,
            rootHash: root.toString('hex'),
            lastPosition,
            signedAt: this.clock().toISOString(),
            agencyIndexRoot: agencyIndexRoot(index),
            agencyCount: index.length,
          },
          key,
        );
        await this.tree.addHead(head, client);
      }
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
    if (head) await this.witness(head);
    return head;
  }

  /** Folds a slice's events into their agencies' running digests (tree/agency-index.ts). */
  private async foldAgencies(
    events: readonly StoredEventText[],
    states: Map<string, AgencyState>,
    size: number,
    client: PoolClient,
  ): Promise<void> {
    const unknown = [...new Set(events.map((e) => e.agency).filter((a): a is string => a !== null && !states.has(a)))];
    for (const s of await this.tree.agencyStates(size, unknown, client)) states.set(s.agency, s);
    for (const e of events) {
      const agency = e.agency;
      if (agency === null) continue;
      const s = states.get(agency) ?? { agency, count: 0, digest: EMPTY_AGENCY_DIGEST };
      states.set(agency, { agency, count: s.count + 1, digest: foldEntry(s.digest, [e.position, e.occurredAt, e.hash]) });
    }
  }

  private async witness(head: SignedTreeHead): Promise<void> {
    const { witnessDir, witnessUrl } = this.config.audit;
    try {
      mkdirSync(witnessDir, { recursive: true });
      writeFileSync(join(witnessDir, witnessFileName(head.treeSize)), JSON.stringify(head, null, 2) + '\n');
    } catch (e) {
      this.logger.event('error', 'the witness folder refused a signed tree head', { dir: witnessDir, error: String(e) });
    }
    if (!witnessUrl) return;
    try {
      const answer = await fetch(witnessUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(head),
        signal: AbortSignal.timeout(5000),
      });
      if (!answer.ok) throw new Error(`HTTP ${answer.status}`);
    } catch (e) {
      this.logger.event('error', 'the witness endpoint refused a signed tree head', { url: witnessUrl, error: String(e) });
    }
  }

  private signingKey(): string | null {
    const path = this.config.audit.signingKeyFile;
    return path ? readFileSync(path, 'utf8') : null;
  }
}
