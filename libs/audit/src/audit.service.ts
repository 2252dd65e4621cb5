import { Inject, Injectable } from '@nestjs/common';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { EVENT_STORE, EventStore, RecordedEvent, verifyChain } from '@ancrage/event-store';
import { AsOf, Cut, LIVE, ProjectionEngine, ReadModels } from '@ancrage/projections';
import { APP_CONFIG, AppConfig } from '@ancrage/platform';
import { DomainError } from '@ancrage/shared-kernel';
import { digestSignatureValid, SignedDigest, signDigest } from './evidence/digest';
import { diffRows, RowDiff } from './evidence/row-diff';
import { NameKind, NameRow, streamScope } from './read-models/names.projection';

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

  verify() {
    return verifyChain(this.store);
  }

  async digest(): Promise<SignedDigest> {
    const key = this.signingKey();
    const verdict = await verifyChain(this.store);
    if (!verdict.ok)
      throw new DomainError('LOG_ALTERED', `the log is altered at position ${verdict.position}: ${verdict.reason}`, 'conflict');
    return signDigest(
      { headPosition: verdict.headPosition, headHash: verdict.headHash, eventCount: verdict.checked, signedAt: new Date().toISOString() },
      key.privateKeyPem,
    );
  }

  /**
   * The log still extends the digest: its signature is valid, the chain verifies, and the event at
   * the digest's position still carries the signed hash (so nothing before it changed).
   */
  async verifyAgainst(digest: SignedDigest): Promise<{ ok: boolean; reason: string; chain: Awaited<ReturnType<typeof verifyChain>> }> {
    const key = this.signingKey();
    if (!digestSignatureValid(digest, key.publicKeyPem))
      return { ok: false, reason: 'the digest signature is not valid for the configured key', chain: await this.verify() };
    const chain = await this.verify();
    if (!chain.ok) return { ok: false, reason: `the log is altered at position ${chain.position}`, chain };
    if (digest.headPosition === 0) return { ok: true, reason: 'the digest is of an empty log', chain };
    const { events } = await this.store.readAll({ after: digest.headPosition - 1, upTo: digest.headPosition, limit: 1, upcast: false });
    const at = events[0];
    if (!at || at.position !== digest.headPosition)
      return { ok: false, reason: `the event at position ${digest.headPosition} is gone`, chain };
    if (at.hash !== digest.headHash)
      return { ok: false, reason: `history up to position ${digest.headPosition} was rewritten since the digest`, chain };
    return {
      ok: true,
      reason: `the log extends the digest (${chain.ok ? chain.headPosition - digest.headPosition : 0} events since)`,
      chain,
    };
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

  private signingKey(): { privateKeyPem: string; publicKeyPem: string } {
    const path = this.config.audit.signingKeyFile;
    if (!path)
      throw new DomainError('NO_SIGNING_KEY', 'no audit signing key: run `ancrage audit keygen` and set ANCRAGE_AUDIT_KEY_FILE', 'rule');
    const privateKeyPem = readFileSync(path, 'utf8');
    const publicKeyPem = createPublicKey(createPrivateKey(privateKeyPem)).export({ format: 'pem', type: 'spki' }).toString();
    return { privateKeyPem, publicKeyPem };
  }
}
