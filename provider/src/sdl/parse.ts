/**
 * YAML text -> a plain tree that keeps what Go's yaml.v3 sees: every scalar keeps its raw text and whether it was
 * quoted (Go decodes `1.0` into a string field as "1.0", not "1"), null becomes `undefined` (Go treats null as the
 * zero value, like an absent key), merge keys and aliases are resolved, and every path remembers its line/column.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node, type YAMLError } from "yaml";
import { formatPath, type PathSegment, type Position, type SdlIssue } from "./errors";

/** A YAML scalar as yaml.v3 presents it to a decoder: its text and whether its style forces a string. */
export class GoScalar {
  constructor(
    /** Go's `node.Value`: the scalar's text after unquoting/folding. */
    readonly value: string,
    /** Quoted, block (`|`, `>`) or tagged `!!str`: never resolved to null/bool/number. */
    readonly quoted: boolean,
  ) {}
}

export type YamlValue = GoScalar | YamlValue[] | YamlMap | undefined;
export interface YamlMap {
  [key: string]: YamlValue;
}

export function isYamlMap(v: YamlValue): v is YamlMap {
  return v !== undefined && !(v instanceof GoScalar) && !Array.isArray(v);
}

/** Finds where a path is written (the key of a mapping entry, or a list item); computed only when needed. */
export type Locate = (path: readonly PathSegment[]) => Position | undefined;

export interface ParsedYaml {
  root: YamlValue;
  locate: Locate;
  issues: SdlIssue[];
  warnings: string[];
}

const nowhere: Locate = () => undefined;

const nullWords = new Set(["", "~", "null", "Null", "NULL"]);
const strTag = "tag:yaml.org,2002:str";
/** Bounds alias expansion (billion laughs) well above any real SDL. */
const maxNodes = 1_000_000;

export function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const issues: SdlIssue[] = [];
  const parsed = parseAllDocuments(text, { merge: true, lineCounter, prettyErrors: false });
  // Go's yaml.Unmarshal reads the first document only.
  const doc = Array.isArray(parsed) ? parsed[0] : undefined;
  if (!doc) return { root: undefined, locate: nowhere, issues, warnings: [] };
  for (const err of doc.errors) issues.push(syntaxIssue(text, doc, err, lineCounter));
  if (issues.length > 0) {
    const lenient = parseLenient(text);
    if (lenient === undefined) return { root: undefined, locate: nowhere, issues, warnings: [] };
    const first = issues[0]!;
    const where = `${first.path === "" ? "" : `${first.path}, `}line ${first.line}`;
    const warning = `YAML is not strictly valid (${first.message.replace(/^YAML syntax error: /, "")} at ${where}); read it leniently like Go's yaml.v3 does, so later problems have no line numbers`;
    return { root: lenient, locate: nowhere, issues: [], warnings: [warning] };
  }
  const locate = locator(doc, lineCounter);
  const root = new Lowering(doc, locate, issues).lower(doc.contents as Node | null, undefined);
  return { root, locate, issues, warnings: [] };
}

/** A YAML parse error as an SDL issue: where it is, which SDL path it is under and, for a duplicate key, both lines. */
function syntaxIssue(text: string, doc: Document, err: YAMLError, lines: LineCounter): SdlIssue {
  const pos = lines.linePos(err.pos[0]);
  // An error at the very end (an unclosed list or quote) belongs to the last thing written.
  const at = nodeAt(doc.contents, Math.min(err.pos[0], text.trimEnd().length - 1));
  const issue = { path: formatPath(at.path), line: pos.line, column: pos.col };
  const firstKey = err.code === "DUPLICATE_KEY" && at.key !== undefined ? firstKeyNamed(at.map, at.key) : undefined;
  if (firstKey?.range) {
    const where = at.path.length === 0 ? "the top level" : formatPath(at.path);
    return {
      ...issue,
      message: `mapping key "${at.key}" already defined at line ${lines.linePos(firstKey.range[0]).line}`,
      fix: `keep one ${at.key}: in ${where} (delete or rename the other)`,
    };
  }
  return { ...issue, message: `YAML syntax error: ${err.message.split("\n")[0]}`, fix: "fix the YAML syntax at this position (check the indentation)" };
}

function scalarKey(key: unknown): string | undefined {
  return isScalar(key) ? (key.source ?? String(key.value ?? "")) : undefined;
}

function covers(node: unknown, offset: number): boolean {
  const range = (node as Node | null)?.range;
  return range !== undefined && range !== null && offset >= range[0] && offset < Math.max(range[2], range[0] + 1);
}

/** The SDL path of the innermost node at `offset` in a (possibly broken) document; for a key, its mapping too. */
function nodeAt(root: unknown, offset: number): { path: PathSegment[]; map?: unknown; key?: string } {
  const path: PathSegment[] = [];
  let node = root;
  for (;;) {
    if (isMap(node)) {
      const pair = node.items.find((p) => covers(p.key, offset) || covers(p.value, offset));
      const key = scalarKey(pair?.key);
      if (!pair || key === undefined) return { path };
      if (covers(pair.key, offset)) return { path, map: node, key };
      path.push(key);
      node = pair.value;
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => covers(item, offset));
      if (index < 0) return { path };
      path.push(index);
      node = node.items[index];
    } else {
      return { path };
    }
  }
}

function firstKeyNamed(map: unknown, key: string): Node | undefined {
  if (!isMap(map)) return undefined;
  return map.items.find((p) => scalarKey(p.key) === key)?.key as Node | undefined;
}

function locator(doc: Document, lines: LineCounter): Locate {
  const resolve = (n: unknown): unknown => (isAlias(n) ? n.resolve(doc) : n);
  const entry = (map: unknown, key: PathSegment): { key: Node; value: unknown } | undefined => {
    if (!isMap(map)) return undefined;
    let merged: { key: Node; value: unknown } | undefined;
    for (const pair of map.items) {
      const k = resolve(pair.key);
      if (!isScalar(k)) continue;
      if (typeof k.value === "symbol") {
        const target = resolve(pair.value);
        for (const source of isSeq(target) ? target.items : [target]) merged ??= entry(resolve(source), key);
      } else if (scalarKey(k) === key) {
        return { key: pair.key as Node, value: pair.value };
      }
    }
    return merged;
  };
  return (path) => {
    let node: unknown = doc.contents;
    let at: Node | undefined = node as Node | undefined;
    for (const seg of path) {
      node = resolve(node);
      if (isSeq(node) && typeof seg === "number") {
        node = node.items[seg];
        at = node as Node | undefined;
      } else {
        const e = entry(node, seg);
        if (!e) return undefined;
        at = e.key;
        node = e.value;
      }
    }
    if (!at?.range) return undefined;
    const pos = lines.linePos(at.range[0]);
    return { line: pos.line, column: pos.col };
  };
}

/** A path as a parent-linked list, materialised only when an issue needs it. */
type PathLink = { seg: PathSegment; up: PathLink } | undefined;

function pathOf(link: PathLink): PathSegment[] {
  const out: PathSegment[] = [];
  for (let l = link; l; l = l.up) out.unshift(l.seg);
  return out;
}

/** A plain (unquoted) scalar from js-yaml; a String object so js-yaml keys it by its text. */
class PlainText extends String {}

interface JsYaml {
  load(text: string, options: { schema: unknown }): unknown;
  Type: new (tag: string, options: { kind: "scalar"; resolve: () => boolean; construct: (data: string) => unknown }) => unknown;
  FAILSAFE_SCHEMA: { extend(types: { implicit: unknown[] }): unknown };
  types: { merge: unknown };
}

/**
 * js-yaml, like libyaml (Go's yaml.v3), accepts some sloppy layouts the `yaml` package rejects (e.g. a quoted
 * scalar whose continuation line is indented less than its list item). Every plain scalar stays raw text.
 */
function parseLenient(text: string): YamlValue {
  // Loaded only for the rare file the strict parser rejects.
  const jsYaml = require("js-yaml") as JsYaml;
  const plain = new jsYaml.Type("tag:pulumi-akash,2026:plain", { kind: "scalar", resolve: () => true, construct: (d) => new PlainText(d) });
  const schema = jsYaml.FAILSAFE_SCHEMA.extend({ implicit: [jsYaml.types.merge, plain] });
  let value: unknown;
  try {
    value = jsYaml.load(text, { schema });
  } catch {
    return undefined;
  }
  return lowerJs(value);
}

function lowerJs(v: unknown): YamlValue {
  if (v instanceof PlainText) {
    const text = v.valueOf();
    return nullWords.has(text) ? undefined : new GoScalar(text, false);
  }
  if (typeof v === "string") return new GoScalar(v, true);
  if (Array.isArray(v)) return v.map(lowerJs);
  if (v !== null && typeof v === "object") {
    const out: YamlMap = {};
    for (const [k, x] of Object.entries(v)) define(out, k, lowerJs(x));
    return out;
  }
  return undefined;
}

class Lowering {
  private nodes = 0;

  constructor(
    private readonly doc: Document,
    private readonly locate: Locate,
    private readonly issues: SdlIssue[],
  ) {}

  lower(node: Node | null | undefined, path: PathLink): YamlValue {
    if (++this.nodes > maxNodes) {
      if (this.nodes === maxNodes + 1) this.issue(path, "document expands to too many nodes (alias bomb?)", "remove recursive or repeated aliases");
      return undefined;
    }
    if (!node) return undefined;
    if (isAlias(node)) return this.lower(node.resolve(this.doc) as Node | undefined, path);
    if (isScalar(node)) {
      const quoted = node.type !== "PLAIN" || node.tag === strTag;
      const value = node.source ?? (node.value === null || node.value === undefined ? "" : String(node.value));
      if (!quoted && nullWords.has(value)) return undefined;
      return new GoScalar(value, quoted);
    }
    if (isSeq(node)) return node.items.map((item, i) => this.lower(item as Node | null, { seg: i, up: path }));
    if (isMap(node)) return this.lowerMap(node.items, path);
    return undefined;
  }

  private lowerMap(items: readonly unknown[], path: PathLink): YamlMap {
    const out: YamlMap = {};
    const merges: Node[] = [];
    for (const pair of items) {
      if (!isPair(pair)) continue;
      const key = pair.key as Node | null;
      if (isScalar(key) && typeof key.value === "symbol") {
        merges.push(pair.value as Node);
        continue;
      }
      const name = this.keyName(key, path);
      if (name === undefined) continue;
      define(out, name, this.lower(pair.value as Node | null, { seg: name, up: path }));
    }
    // Explicit keys win over merged ones; among merged maps the first listed wins (yaml.v3 semantics).
    for (const merge of merges) {
      const target = isAlias(merge) ? (merge.resolve(this.doc) as Node | undefined) : merge;
      const sources = isSeq(target) ? target.items.map((n) => (isAlias(n) ? n.resolve(this.doc) : n)) : [target];
      for (const source of sources) {
        if (!isMap(source)) {
          this.issue(path, "a merge key (<<) must refer to a mapping", "merge only mappings with <<: *anchor");
          continue;
        }
        const merged = this.lowerMap(source.items, path);
        for (const [k, v] of Object.entries(merged)) if (!Object.prototype.hasOwnProperty.call(out, k)) define(out, k, v);
      }
    }
    return out;
  }

  private keyName(key: Node | null, path: PathLink): string | undefined {
    if (key === null) return "";
    const resolved = isAlias(key) ? (key.resolve(this.doc) as Node | undefined) : key;
    if (isScalar(resolved)) return resolved.source ?? String(resolved.value ?? "");
    this.issue(path, "mapping keys must be plain scalars", "use a plain word as key");
    return undefined;
  }

  private issue(link: PathLink, message: string, fix: string): void {
    const path = pathOf(link);
    const pos = this.locate(path);
    this.issues.push({ path: formatPath(path), message, fix, ...(pos ? { line: pos.line, column: pos.column } : {}) });
  }
}

/** Sets a key without triggering `__proto__` setters. */
export function define<T>(obj: Record<string, T>, key: string, value: T): void {
  if (key === "__proto__") Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}
