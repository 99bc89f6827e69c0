/**
 * Attribute matching exactly as chain-sdk go/node/types/attributes/v1 does it: requirement keys are
 * path globs (Go filepath.Match) matched against provider keys, values compared verbatim, and provider
 * capabilities ("capabilities/storage/1/class", "capabilities/gpu/vendor/nvidia/model/a100") grouped.
 */
export interface Attribute {
  key: string;
  value: string;
}

const globCache = new Map<string, RegExp>();

/** Go path/filepath.Match: '*' and '?' never match '/', '[...]' classes, '\\' escapes. */
export function globMatch(pattern: string, name: string): boolean {
  let re = globCache.get(pattern);
  if (!re) {
    let source = "";
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern[i];
      if (c === "*") source += "[^/]*";
      else if (c === "?") source += "[^/]";
      else if (c === "\\" && i + 1 < pattern.length) source += escapeRegExp(pattern[++i]);
      else if (c === "[") {
        const end = pattern.indexOf("]", i + 1);
        if (end < 0) return false; // Go returns ErrBadPattern, which the caller treats as no match
        let body = pattern.slice(i + 1, end);
        if (body.startsWith("^")) body = "^" + body.slice(1).replace(/[\]\\]/g, "\\$&");
        else body = body.replace(/[\]\\]/g, "\\$&");
        source += `(?!/)[${body}]`;
        i = end;
      } else source += escapeRegExp(c);
    }
    re = new RegExp(`^${source}$`);
    globCache.set(pattern, re);
  }
  return re.test(name);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** Attribute.SubsetOf: the requirement key (a glob) matches and the values are equal. */
export function attributeMatches(requirement: Attribute, offered: Attribute): boolean {
  return globMatch(requirement.key, offered.key) && requirement.value === offered.value;
}

/** AttributesSubsetOf(a, b): every requirement in a is matched by some attribute in b. */
export function attributesSubsetOf(a: readonly Attribute[], b: readonly Attribute[]): boolean {
  return a.every((req) => b.some((attr) => attributeMatches(req, attr)));
}

/** AttributesAnyOf(a, b): some requirement in a is matched by some attribute in b. */
export function attributesAnyOf(a: readonly Attribute[], b: readonly Attribute[]): boolean {
  return a.some((req) => b.some((attr) => attributeMatches(req, attr)));
}

/**
 * GetCapabilitiesGroup("storage"): "capabilities/storage/<n>/<key>" grouped by <n> into [{key, value}]
 * lists (keys with any other depth are skipped, as in Go).
 */
export function capabilitiesGroups(attributes: readonly Attribute[], prefix: string): Attribute[][] {
  const groups = new Map<string, Attribute[]>();
  for (const { key, value } of attributes) {
    if (!key.startsWith(`capabilities/${prefix}`)) continue;
    const tokens = key.slice("capabilities/".length).split("/");
    if (tokens.length !== 3) continue;
    const group = groups.get(tokens[1]) ?? [];
    group.push({ key: tokens[2], value });
    groups.set(tokens[1], group);
  }
  return [...groups.values()];
}

/** GetCapabilitiesMap("gpu"): one group of every "capabilities/gpu/<rest>" as {key: <rest>}. */
export function capabilitiesMap(attributes: readonly Attribute[], prefix: string): Attribute[][] {
  const group: Attribute[] = [];
  for (const { key, value } of attributes) {
    if (!key.startsWith(`capabilities/${prefix}`)) continue;
    const tokens = key.slice("capabilities/".length).split("/");
    if (tokens.length < 3) continue;
    group.push({ key: tokens.slice(1).join("/"), value });
  }
  return [group];
}
