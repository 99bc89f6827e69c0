/**
 * Splitting one multi-message tx result between the callers whose messages it carried: cosmos-sdk tags
 * each message's events with a `msg_index` attribute, and msg responses are in message order.
 */

export interface TxEvent {
  readonly type: string;
  readonly attributes: ReadonlyArray<{ readonly key: string; readonly value: string }>;
}

export function messageIndexOf(event: TxEvent): number | undefined {
  const attr = event.attributes.find((a) => a.key === "msg_index");
  return attr === undefined ? undefined : Number(attr.value);
}

/** Events emitted by messages [start, start + count) of the tx (tx-level events such as fees are left out). */
export function eventsForMessages(events: readonly TxEvent[], start: number, count: number): TxEvent[] {
  return events.filter((e) => {
    const i = messageIndexOf(e);
    return i !== undefined && i >= start && i < start + count;
  });
}

/** Which caller owns batch message `index`, given each caller's message count in batch order. */
export function ownerOfMessage(counts: readonly number[], index: number): number | undefined {
  let start = 0;
  for (let owner = 0; owner < counts.length; owner++) {
    if (index < start + counts[owner]) return owner;
    start += counts[owner];
  }
  return undefined;
}
