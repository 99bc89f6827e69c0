/**
 * The YAML tree -> ParsedSdl, one entry at a time: every service, compute profile, placement, deployment entry
 * and endpoint is decoded on its own, so one bad entry does not hide the problems of the others. Entries that
 * fail are left out and remembered in `Skipped`, so the checks that follow neither report references to them as
 * missing nor draw conclusions that would need them.
 */
import type { z } from "zod";
import type { IssueList, PathSegment } from "./errors";
import { mappingError, shapeFixes, stringList } from "./fields";
import { define, isYamlMap, type YamlValue } from "./parse";
import {
  computeProfileSchema,
  endpointSchema,
  placementSchema,
  reclamationSchema,
  serviceDeploymentSchema,
  serviceSchema,
  versionSchema,
  type ParsedSdl,
  type ServiceDeployment,
} from "./schema";

export type Section = "services" | "compute" | "placement" | "deployment" | "endpoints";

/** Names of entries that failed to decode; a section that is not even a mapping counts as wholly skipped. */
export class Skipped {
  private readonly sections = new Map<Section, Set<string> | "all">();

  add(section: Section, name?: string): void {
    const names = this.sections.get(section);
    if (name === undefined) this.sections.set(section, "all");
    else if (names === undefined) this.sections.set(section, new Set([name]));
    else if (names !== "all") names.add(name);
  }

  /** The skipped entries of `section` that have a name. */
  names(section: Section): string[] {
    const names = this.sections.get(section);
    return names instanceof Set ? [...names] : [];
  }

  /** Whether entry `name` of `section` (any entry, without a name) was skipped. */
  has(section: Section, name?: string): boolean {
    const names = this.sections.get(section);
    return names !== undefined && (name === undefined || names === "all" || names.has(name));
  }
}

export interface DecodedSdl {
  sdl: ParsedSdl;
  skipped: Skipped;
}

const topLevelKeys = ["version", "include", "services", "profiles", "deployment", "endpoints", "reclamation"];

function report(issues: IssueList, at: readonly PathSegment[], error: z.ZodError): void {
  for (const issue of error.issues) {
    const fix = (issue as { params?: { fix?: string } }).params?.fix ?? shapeFixes[issue.message];
    issues.add([...at, ...(issue.path as PathSegment[])], issue.message, fix);
  }
}

/** Decodes one value; problems are reported under `at`. */
function one<S extends z.ZodType>(schema: S, value: YamlValue, at: PathSegment[], issues: IssueList): z.output<S> | undefined {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  report(issues, at, r.error);
  return undefined;
}

/** A Go map (null is empty): the entries that decode, the others reported and marked skipped. */
function entries<T>(
  value: YamlValue,
  at: PathSegment[],
  decode: (v: YamlValue, at: PathSegment[]) => T | undefined,
  onSkip: (name?: string) => void,
  issues: IssueList,
): Record<string, T> {
  const out: Record<string, T> = {};
  if (value === undefined) return out;
  if (!isYamlMap(value)) {
    issues.add(at, mappingError.error, shapeFixes[mappingError.error]);
    onSkip();
    return out;
  }
  for (const [name, v] of Object.entries(value)) {
    const decoded = decode(v, [...at, name]);
    if (decoded === undefined) onSkip(name);
    else define(out, name, decoded);
  }
  return out;
}

/** Undefined when the document as a whole cannot be read (not a mapping, or no usable version). */
export function decodeSdl(root: YamlValue, issues: IssueList): DecodedSdl | undefined {
  if (!isYamlMap(root)) {
    issues.add([], "the SDL must be a mapping with version, services, profiles and deployment", 'start the file with version: "2.0", then services:, profiles: and deployment:');
    return undefined;
  }
  for (const key of Object.keys(root)) {
    if (!topLevelKeys.includes(key)) {
      issues.add([key], "unexpected field: not an SDL section", "top-level keys are version, services, profiles, deployment, endpoints, include and reclamation");
    }
  }
  const skipped = new Skipped();
  const decodeWith = <S extends z.ZodType>(schema: S) => (v: YamlValue, at: PathSegment[]) => one(schema, v, at, issues);
  const skip = (name: Section) => (entry?: string) => skipped.add(name, entry);

  const version = one(versionSchema, root.version, ["version"], issues);
  const include = one(stringList, root.include, ["include"], issues);
  const reclamation = Object.hasOwn(root, "reclamation") ? one(reclamationSchema, root.reclamation, ["reclamation"], issues) : undefined;
  const services = entries(root.services, ["services"], decodeWith(serviceSchema), skip("services"), issues);

  let profiles: Record<string, YamlValue> = {};
  if (isYamlMap(root.profiles)) profiles = root.profiles;
  else if (root.profiles !== undefined) {
    issues.add(["profiles"], mappingError.error, shapeFixes[mappingError.error]);
    skipped.add("compute");
    skipped.add("placement");
  }
  const compute = entries(profiles.compute, ["profiles", "compute"], decodeWith(computeProfileSchema), skip("compute"), issues);
  const placement = entries(profiles.placement, ["profiles", "placement"], decodeWith(placementSchema), skip("placement"), issues);

  const deploymentEntry = decodeWith(serviceDeploymentSchema);
  const deployment = entries(
    root.deployment,
    ["deployment"],
    (v, at): Record<string, ServiceDeployment> => entries(v, at, deploymentEntry, () => skipped.add("deployment", String(at[1])), issues),
    skip("deployment"),
    issues,
  );
  const endpoints = entries(root.endpoints, ["endpoints"], decodeWith(endpointSchema), skip("endpoints"), issues);

  if (version === undefined) return undefined;
  return {
    sdl: {
      version: version.version,
      versionText: version.text,
      include,
      services,
      profiles: { compute, placement },
      deployment,
      endpoints,
      reclamation,
    },
    skipped,
  };
}
