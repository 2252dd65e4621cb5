import type { RecordedEvent } from './envelope';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- an upcaster reads data of a past shape, which no type describes any more
export type Upcaster = (data: any) => unknown;

/**
 * Upcasters registered per (type, schemaVersion): each lifts one version to the next, and reads
 * apply them in a chain until no further one is registered. History is never rewritten.
 */
export class UpcasterRegistry {
  private readonly byKey = new Map<string, Upcaster>();

  register(type: string, fromSchemaVersion: number, upcast: Upcaster): this {
    const key = `${type}@${fromSchemaVersion}`;
    if (this.byKey.has(key)) throw new Error(`upcaster already registered for ${key}`);
    this.byKey.set(key, upcast);
    return this;
  }

  apply(event: RecordedEvent): RecordedEvent {
    let upcast = this.byKey.get(`${event.type}@${event.schemaVersion}`);
    if (!upcast) return event;
    let data: unknown = event.data;
    let version = event.schemaVersion;
    while (upcast) {
      data = upcast(data);
      version += 1;
      upcast = this.byKey.get(`${event.type}@${version}`);
    }
    return { ...event, schemaVersion: version, data, stored: { schemaVersion: event.schemaVersion, data: event.data } };
  }
}
