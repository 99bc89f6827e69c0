/**
 * SDL text -> everything a deployment needs: the GroupSpecs for MsgCreateDeployment, the provider manifest, its
 * exact sorted JSON and the 32-byte version hash Go computes. Throws SdlError listing every problem found.
 */
import type { GroupSpec } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { decodeSdl } from "./decode";
import { IssueList, SdlError, type PathSegment } from "./errors";
import { buildGroups } from "./groups";
import { jsonVersion, sortedManifestJson } from "./hash";
import type { ManifestGroup } from "./manifest";
import { isYamlMap, parseYaml, type YamlValue } from "./parse";
import { toGroupSpec } from "./proto";
import type { ParsedSdl } from "./schema";
import { validateSdl } from "./validate";

export interface CompiledSdl {
  /** sha256 of `manifestJson`: MsgCreateDeployment.hash. */
  version: Uint8Array;
  versionHex: string;
  /** akash.deployment.v1beta4 GroupSpec objects, ready for MsgCreateDeployment.fromPartial. */
  groups: GroupSpec[];
  /** The manifest in Go's canonical JSON shape. */
  manifest: ManifestGroup[];
  /** The exact sorted JSON that is hashed and sent as the PUT /deployment/{dseq}/manifest body. */
  manifestJson: string;
  sdl: ParsedSdl;
  warnings: string[];
  /** The pricing denom shared by all groups. */
  denom: string;
}

export interface CompileOptions {
  /** Named in every issue. */
  file?: string;
}

/** Keys Go reads at each level; anything else there is silently ignored by Go, so we warn. */
const knownKeys: Array<[PathSegment[], string[]]> = [
  [["services", "*"], ["image", "command", "args", "env", "expose", "dependencies", "params", "credentials"]],
  [["services", "*", "expose", "*"], ["port", "as", "proto", "to", "accept", "http_options"]],
  [["services", "*", "expose", "*", "to", "*"], ["service", "global", "ip", "http_options"]],
  [["services", "*", "params"], ["storage", "permissions", "tee"]],
  [["profiles"], ["compute", "placement"]],
  [["profiles", "compute", "*"], ["resources"]],
  [["profiles", "compute", "*", "resources"], ["cpu", "gpu", "memory", "storage"]],
  [["profiles", "compute", "*", "resources", "gpu", "attributes", "vendor"], ["nvidia"]],
  [["profiles", "placement", "*"], ["attributes", "signedBy", "pricing"]],
  [["deployment", "*", "*"], ["profile", "count"]],
];

function ignoredKeys(root: YamlValue): string[] {
  const out: string[] = [];
  const visit = (v: YamlValue, pattern: PathSegment[], at: string, known: string[]) => {
    if (pattern.length === 0) {
      if (!isYamlMap(v)) return;
      for (const key of Object.keys(v)) if (!known.includes(key)) out.push(`${at}.${key} is ignored (not an SDL field)`);
      return;
    }
    const [head, ...rest] = pattern;
    if (head === "*") {
      if (Array.isArray(v)) v.forEach((x, i) => visit(x, rest, `${at}[${i}]`, known));
      else if (isYamlMap(v)) for (const [k, x] of Object.entries(v)) visit(x, rest, `${at}.${k}`, known);
    } else if (isYamlMap(v)) {
      visit(v[head as string], rest, at === "" ? String(head) : `${at}.${String(head)}`, known);
    }
  };
  for (const [pattern, known] of knownKeys) visit(root, pattern, "", known);
  return out;
}

export function compileSdl(text: string, options: CompileOptions = {}): CompiledSdl {
  const parsed = parseYaml(text);
  if (parsed.issues.length > 0) {
    throw new SdlError(parsed.issues.map((i) => (options.file === undefined ? i : { ...i, file: options.file })));
  }
  const issues = new IssueList(parsed.locate, options.file);
  const decoded = decodeSdl(parsed.root, issues);
  if (!decoded) throw new SdlError(issues.issues);
  const { sdl, skipped } = decoded;
  const warnings = [...parsed.warnings, ...ignoredKeys(parsed.root)];
  const built = buildGroups(sdl, issues);
  validateSdl(sdl, built.groups, skipped, issues, warnings);
  if (!issues.empty) throw new SdlError(issues.issues);

  const manifestJson = sortedManifestJson(built.manifest);
  const version = jsonVersion(manifestJson);
  return {
    version,
    versionHex: Buffer.from(version).toString("hex"),
    groups: built.groups.map(toGroupSpec),
    manifest: built.manifest,
    manifestJson,
    sdl,
    warnings,
    denom: built.groups[0]?.resources[0]?.price.denom ?? "",
  };
}
