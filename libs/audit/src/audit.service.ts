import { Inject, Injectable } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { consistencyPath, EVENT_STORE, EventStore, RecordedEvent, withNodes } from '@ancrage/event-store';
import { AsOf, Cut, LIVE, ProjectionEngine, ReadModels } from '@ancrage/projections';
import { APP_CONFIG, AppConfig, RequestValidationError } from '@ancrage/platform';
import { DomainError } from '@ancrage/shared-kernel';
import { exportBundle } from './evidence/bundle';
import type { BundleManifest } from './evidence/verify-bundle';
import { TreeSealer } from './tree/sealer';
import { publicKeyOf, SignedTreeHead } from './tree/tree-head';
import { TreeStore } from './tree/tree-store';
import { LogVerdict, verifyLog } from './tree/verify-log';
import { readWitnessHeads } from './tree/witness';
import { diffRows, RowDiff } from './evidence/row-diff';
import { NameKind, NameRow, streamScope } from './read-models/names.projection';

export interface InclusionProof {
  position: number;
  leafIndex: number;
  treeSize: number;
  leafHash: string;
  auditPath: string[];
  head: SignedTreeHead;
}

export interface ConsistencyProof {
  first: number;
  second: number;
  path: string[];
  firstHead: SignedTreeHead;
  secondHead: SignedTreeHead;
}

export interface HistoryFilter {
  stream?: string;
  agency?: string;
  types?: string[];
  actor?: string;
  occurredFrom?: string;
  occurredTo?: string;
  recordedFrom?: string;
  recordedTo?: string;
  after?: number;
  limit: number;
}

const within = (value: string, from?: string, to?: string) =>
  (!from || Date.parse(value) >= Date.parse(from)) && (!to || Date.parse(value) <= Date.parse(to));

/** The auditor's tools, shared by the HTTP endpoints and the CLI. */
@Injectable()
export class AuditService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly engine: ProjectionEngine,
    private readonly reads: ReadModels,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tree: TreeStore,
    private readonly sealer: TreeSealer,
  ) {}

  /**
   * Events matching the filter, oldest first, paginated by position: resume with `after: nextAfter`.
   * A scan stops after 50,000 events even if the page is not full, so a rare filter stays fast.
   */
  async history(
    f: HistoryFilter,
  ): Promise<{ items: RecordedEvent[]; nextAfter: number | null; headPosition: number; names: Record<string, string> }> {
    const page = await this.historyPage(f);
    return { ...page, names: await this.names(page.items) };
  }

  private async historyPage(f: HistoryFilter): Promise<{ items: RecordedEvent[]; nextAfter: number | null; headPosition: number }> {
    const matches = (e: RecordedEvent) =>
      (!f.actor || e.metadata.actor === f.actor) &&
      (!f.types || f.types.includes(e.type)) &&
      within(e.metadata.occurredAt, f.occurredFrom, f.occurredTo) &&
      within(e.metadata.recordedAt, f.recordedFrom, f.recordedTo);
    const head = await this.store.headPosition();
    if (f.stream) {
      const events = (await this.store.readStream(f.stream)).filter((e) => e.position > (f.after ?? 0) && matches(e));
      const items = events.slice(0, f.limit);
      return { items, nextAfter: events.length > f.limit ? items[items.length - 1].position : null, headPosition: head };
    }
    const items: RecordedEvent[] = [];
    let after = f.after ?? 0;
    for (;;) {
      const slice = await this.store.readAll({
        after,
        limit: 1000,
        agency: f.agency,
        types: f.types,
        occurredUpTo: f.occurredTo,
        recordedUpTo: f.recordedTo,
      });
      for (const e of slice.events) {
        if (items.length < f.limit && matches(e)) items.push(e);
        if (items.length === f.limit) return { items, nextAfter: e.position < head ? e.position : null, headPosition: head };
      }
      after = slice.scannedTo;
      if (slice.endOfLog) return { items, nextAfter: null, headPosition: head };
      if (after - (f.after ?? 0) >= 50_000) return { items, nextAfter: after, headPosition: head };
    }
  }

  /** The names of what events refer to (users, partners, actions…), keyed `kind:key`, as known now. */
  async names(events: readonly RecordedEvent[]): Promise<Record<string, string>> {
    const wanted = new Set<string>();
    const want = (kind: NameKind, key: unknown) => typeof key === 'string' && key && wanted.add(`${kind}:${key}`);
    for (const e of events) {
      const d = (e.data ?? {}) as Record<string, unknown>;
      const scope = streamScope(e.streamId);
      for (const who of [e.metadata.actor, d.userId, d.authorisedBy, d.refusedBy, d.requestedBy]) want('user', who);
      want('partner', d.partnerId);
      if (typeof d.agreementId === 'string') want('agreement', `${String(d.safir)}/${String(d.partnerId)}/${d.agreementId}`);
      if (typeof d.jointEventId === 'string') want('jointEvent', `${String(d.safir)}/${d.jointEventId}`);
      if (typeof d.instanceId === 'string') want('instance', `${String(d.safir)}/${d.instanceId}`);
      if (typeof d.campaignId === 'string') want('campaign', d.campaignId);
      if (typeof d.pathwayId === 'string') want('pathway', `${String(d.safir)}/${d.pathwayId}`);
      if (typeof d.actionId === 'string') want('action', `${scope}/${d.actionId}`);
      if (typeof d.priorityId === 'string') want('priority', `${scope}/${d.priorityId}`);
      if (typeof d.commitmentId === 'string') want('commitment', `${scope}/${d.commitmentId}`);
    }
    if (wanted.size === 0) return {};
    const keys = [...new Set([...wanted].map((k) => k.slice(k.indexOf(':') + 1)))];
    const rows = await this.reads.find(NameRow, LIVE, { key: keys });
    return Object.fromEntries(rows.filter((r) => wanted.has(`${r.kind}:${r.key}`)).map((r) => [`${r.kind}:${r.key}`, r.label]));
  }

  /** Every table of a projection as it stood (in memory; live tables untouched). */
  async rowsAsOf(name: string, asOf: AsOf, onProgress?: (scannedTo: number, head: number) => void): Promise<Record<string, object[]>> {
    const rows = await this.engine.replay(name, asOf, onProgress);
    return Object.fromEntries(Object.keys(this.engine.get(name).tables).map((t) => [t, rows.list(t)]));
  }

  /** What changed for an agency between two points: the events, and the rows that differ. */
  async changes(name: string, agency: string | undefined, from: AsOf, to: AsOf) {
    const p = this.engine.get(name);
    const [before, after] = await Promise.all([this.rowsAsOf(name, { ...from, agency }), this.rowsAsOf(name, { ...to, agency })]);
    const keys = Object.fromEntries(Object.entries(p.tables).map(([t, spec]) => [t, spec.key]));
    const toPosition = to.position;
    const fromPosition = from.position ?? 0;
    const events = (
      await this.history({
        agency,
        types: [...p.eventTypes],
        after: fromPosition,
        limit: 500,
        occurredFrom: from.occurredAt,
        occurredTo: to.occurredAt,
        recordedFrom: from.recordedAt,
        recordedTo: to.recordedAt,
      })
    ).items.filter((e) => toPosition === undefined || e.position <= toPosition);
    return { events, differences: diffRows(keys, before, after) };
  }

  /** The whole verification (tree/verify-log.ts) against the given heads, or the witness folder's. */
  async verify(
    options: { heads?: SignedTreeHead[]; publicKeyPem?: string; onProgress?: (checked: number, position: number) => void } = {},
  ): Promise<LogVerdict> {
    return verifyLog({
      store: this.store,
      tree: this.tree,
      heads: options.heads ?? readWitnessHeads(this.config.audit.witnessDir),
      publicKeyPem: options.publicKeyPem ?? this.publicKey(),
      onProgress: options.onProgress,
    });
  }

  /** The latest signed tree head, after sealing what the log holds now. */
  async treeHead(): Promise<SignedTreeHead> {
    if (!this.config.audit.signingKeyFile)
      throw new DomainError('NO_SIGNING_KEY', 'no audit signing key: run `ancrage audit keygen` and set ANCRAGE_AUDIT_KEY_FILE', 'rule');
    await this.sealer.seal();
    const head = await this.tree.latestHead();
    if (!head) throw new DomainError('EMPTY_LOG', 'the log is empty: there is no tree head to sign yet', 'rule');
    return head;
  }

  /** Proof that the event at `position` is leaf `leafIndex` of the tree a signed head of `treeSize` covers (default: the latest). */
  async inclusionProof(position: number, treeSize?: number): Promise<InclusionProof> {
    const head = treeSize === undefined ? await this.treeHead() : await this.headOfSize(treeSize);
    const proof = await this.tree.inclusion(position, head.treeSize);
    if (!proof)
      throw new DomainError(
        'NOT_IN_TREE',
        `no event at position ${position} is covered by the tree head of size ${head.treeSize}`,
        'not_found',
      );
    return { position, treeSize: head.treeSize, ...proof, head };
  }

  /** Proof that the tree of `second` leaves extends the one of `first` (both signed heads). */
  async consistencyProof(first: number, second: number): Promise<ConsistencyProof> {
    if (first > second) throw new RequestValidationError([{ field: 'first', problems: ['first must not exceed second'], codes: ['max'] }]);
    const [firstHead, secondHead] = await Promise.all([this.headOfSize(first), this.headOfSize(second)]);
    const path = await withNodes(
      (node) => consistencyPath(first, second, node),
      (w) => this.tree.nodes(w),
    );
    return { first, second, path: path.map((b) => b.toString('hex')), firstHead, secondHead };
  }

  private async headOfSize(treeSize: number): Promise<SignedTreeHead> {
    const [head] = await this.tree.heads(1, treeSize + 1);
    if (!head || head.treeSize !== treeSize)
      throw new DomainError('UNKNOWN_TREE_HEAD', `no signed tree head of size ${treeSize} (GET /audit/tree-heads lists them)`, 'not_found');
    return head;
  }

  /** Seals, then writes the evidence bundle of an agency and period (evidence/bundle.ts). */
  async exportBundle(agency: string, from: string, to: string, out: string, onProgress?: (done: number) => void): Promise<BundleManifest> {
    const head = await this.treeHead();
    return exportBundle({
      store: this.store,
      engine: this.engine,
      tree: this.tree,
      head,
      privateKeyPem: readFileSync(this.config.audit.signingKeyFile!, 'utf8'),
      agency,
      from,
      to,
      out,
      onProgress,
    });
  }

  /** Signed heads, newest first. */
  heads(limit: number, beforeSize?: number): Promise<SignedTreeHead[]> {
    return this.tree.heads(limit, beforeSize);
  }

  /**
   * Replays a projection in memory and compares it with what its tables answer at the same cut
   * (live by default; or as of a date, as known at an instant), after letting it catch up.
   * Differences mean the read model drifted from the log.
   */
  async drift(
    name: string,
    onProgress?: (scannedTo: number, head: number) => void,
    cut: Cut = LIVE,
  ): Promise<{ projection: string; position: number; differences: RowDiff[]; inSync: boolean }> {
    const p = this.engine.get(name);
    const position = await this.store.headPosition();
    await this.engine.waitFor(position, [name], 30_000);
    const read: Record<string, object[]> = {};
    for (const [table, spec] of Object.entries(p.tables)) read[table] = await this.reads.find(spec.entity, cut);
    const replayed = await this.rowsAsOf(name, { position, occurredAt: cut.validAt, recordedAt: cut.knownAt }, onProgress);
    const keys = Object.fromEntries(Object.entries(p.tables).map(([t, spec]) => [t, spec.key]));
    const differences = diffRows(keys, replayed, read);
    return {
      projection: name,
      position,
      differences,
      inSync: differences.every((d) => !d.added.length && !d.removed.length && !d.changed.length),
    };
  }

  /** The public key heads are checked with: its own file, or derived from the signing key. */
  publicKey(): string | null {
    const { publicKeyFile, signingKeyFile } = this.config.audit;
    if (publicKeyFile) return readFileSync(publicKeyFile, 'utf8');
    return signingKeyFile ? publicKeyOf(readFileSync(signingKeyFile, 'utf8')) : null;
  }
}
