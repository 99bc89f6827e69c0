/**
 * CometBFT tx_search queries ("tx.height=5 AND message.sender='akash1...'") over indexed txs: the
 * reserved keys tx.hash and tx.height, and "<event type>.<attribute key>" against the tx's events.
 */
import type { IndexedTx } from "./node";

export type Operator = "=" | "<" | "<=" | ">" | ">=" | "CONTAINS" | "EXISTS";

export interface Condition {
  key: string;
  op: Operator;
  value: string | number;
}

const conditionPattern = /^\s*([\w.\-/]+)\s*(<=|>=|=|<|>|CONTAINS|EXISTS)\s*(?:'([^']*)'|(-?\d+(?:\.\d+)?))?\s*$/;

export function parseQuery(query: string): Condition[] {
  return query.split(/\s+AND\s+/).map((part) => {
    const match = conditionPattern.exec(part);
    if (!match || (match[2] !== "EXISTS" && match[3] === undefined && match[4] === undefined)) {
      throw new Error(`failed to parse query: ${JSON.stringify(query)}: unexpected condition ${JSON.stringify(part.trim())}`);
    }
    const value = match[3] !== undefined ? match[3] : match[4] !== undefined ? Number(match[4]) : "";
    return { key: match[1], op: match[2] as Operator, value };
  });
}

function compare(actual: string, op: Operator, expected: string | number): boolean {
  switch (op) {
    case "EXISTS":
      return true;
    case "CONTAINS":
      return actual.includes(String(expected));
    case "=":
      return typeof expected === "number" ? Number(actual) === expected : actual === expected;
  }
  const a = Number(actual);
  const e = Number(expected);
  if (Number.isNaN(a) || Number.isNaN(e)) return false;
  return op === "<" ? a < e : op === "<=" ? a <= e : op === ">" ? a > e : a >= e;
}

function valuesOf(key: string, tx: IndexedTx): string[] {
  if (key === "tx.hash") return [tx.hash];
  if (key === "tx.height") return [String(tx.height)];
  const dot = key.lastIndexOf(".");
  const type = key.slice(0, dot);
  const attribute = key.slice(dot + 1);
  const out: string[] = [];
  for (const event of tx.result.events) {
    if (event.type !== type) continue;
    for (const a of event.attributes) if (a.key === attribute) out.push(a.value);
  }
  return out;
}

export function matchesQuery(conditions: Condition[], tx: IndexedTx): boolean {
  return conditions.every((c) => valuesOf(c.key, tx).some((v) => compare(c.key === "tx.hash" ? v.toUpperCase() : v, c.op, c.key === "tx.hash" ? String(c.value).toUpperCase() : c.value)));
}
