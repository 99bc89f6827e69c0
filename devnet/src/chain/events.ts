/** ABCI events as the tx pipeline collects them and CometBFT 0.38 serves them. */
import type { EventAttribute, Events } from "./types";

export interface AbciEvent {
  type: string;
  attributes: Array<{ key: string; value: string; index: boolean }>;
}

/** Collects events for one message, block phase or ante run. */
export class EventSink implements Events {
  readonly list: AbciEvent[] = [];

  emit(type: string, attributes: EventAttribute[]): void {
    this.list.push({ type, attributes: attributes.map((a) => ({ key: a.key, value: a.value, index: true })) });
  }

  /** cosmos TypedEventToEvent: one attribute per proto-JSON field, keys sorted, values JSON text. */
  emitTyped(type: string, fields: Record<string, unknown>): void {
    const keys = Object.keys(fields).filter((k) => fields[k] !== undefined).sort();
    this.emit(
      type.replace(/^\//, ""),
      keys.map((key) => ({ key, value: JSON.stringify(fields[key], (_k, v) => (typeof v === "bigint" ? v.toString() : v)) })),
    );
  }
}

/** The same events with one more attribute on each (msg_index, mode). */
export function withAttribute(events: AbciEvent[], key: string, value: string): AbciEvent[] {
  return events.map((e) => ({ type: e.type, attributes: [...e.attributes, { key, value, index: true }] }));
}
