// What the hooks of every resource share: checking inputs against a zod schema (tolerating preview unknowns),
// the partial-failure error the engine records, and log lines (the engine shows the plugin's output).
import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import type { Log } from "../chain/connection";
import { containsUnknowns, isUnknown } from "./wire";

/** The key the dynamic provider host keeps the serialized provider under; it is not a user input. */
const PROVIDER_KEY = "__provider";

/** The user's inputs without the host's `__provider`. */
export function userInputs(props: Record<string, unknown>): Record<string, unknown> {
  const { [PROVIDER_KEY]: _provider, ...rest } = props;
  return rest;
}

/**
 * A check result: the parsed inputs (defaults applied) or one failure per bad input naming it and the fix.
 * Inputs that are unknown (preview) are not judged, and then the inputs are returned as given.
 */
export function checkInputs(schema: z.ZodType, news: Record<string, unknown>): pulumi.dynamic.CheckResult {
  const raw = userInputs(news);
  const unknownKeys = Object.keys(raw).filter((k) => containsUnknowns(raw[k]));
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { inputs: unknownKeys.length > 0 ? news : { ...(parsed.data as object) } };
  const failures = parsed.error.issues.flatMap((issue) => {
    const key = issue.path.length > 0 ? String(issue.path[0]) : undefined;
    if (unknownKeys.length > 0 && (key === undefined || unknownKeys.includes(key))) return [];
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((k) => ({ property: k, reason: `unknown input "${k}"; remove it (inputs: ${inputNames(schema)})` }));
    }
    return [{ property: issue.path.length > 0 ? issue.path.join(".") : "(inputs)", reason: issue.message }];
  });
  return failures.length > 0 ? { failures } : { inputs: news };
}

function inputNames(schema: z.ZodType): string {
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape).join(", ") : "see the resource's documentation";
}

/** Inputs with their preview unknowns left out, so check can judge (and plan with) everything that is known. */
export interface KnownInputs {
  known: Record<string, unknown>;
  /** dotted paths of what was left out, e.g. "secretEnv" or "bidPolicy.maxPricePerMonthUsd" */
  unknownPaths: string[];
}

/**
 * Leaves out every unknown. An array holding one is left out whole: judging the rest of it could fail for a
 * reason the unknown would fix (a minimum length).
 */
export function withoutUnknowns(inputs: Record<string, unknown>): KnownInputs {
  const unknownPaths: string[] = [];
  const keep = (value: Record<string, unknown>, prefix: string): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries(value).flatMap(([key, v]) => {
        const path = prefix + key;
        if (isUnknown(v) || (Array.isArray(v) && containsUnknowns(v))) {
          unknownPaths.push(path);
          return [];
        }
        return [[key, v !== null && typeof v === "object" && !Array.isArray(v) ? keep(v as Record<string, unknown>, `${path}.`) : v]];
      }),
    );
  return { known: keep(inputs, ""), unknownPaths };
}

/** True if `property` (a check failure's dotted path) is at or under a path that was unknown. */
export function isAtUnknown(property: string, unknownPaths: readonly string[]): boolean {
  return unknownPaths.some((p) => property === p || property.startsWith(`${p}.`));
}

/** Parses inputs that check already accepted (create/update/diff): typed values with defaults. */
export function parseChecked<T>(schema: z.ZodType<T>, props: Record<string, unknown>): T {
  return schema.parse(userInputs(props));
}

/**
 * "The resource exists but the operation did not finish": the dynamic host turns it into an init failure, the
 * engine records `id` and `properties` in the state and shows `reasons`, so the next `pulumi up` resumes from there.
 */
export class InitError extends Error {
  constructor(
    readonly id: string,
    readonly properties: Record<string, unknown>,
    readonly reasons: string[],
  ) {
    super(reasons.join("; "));
  }
}

/** A resource's diagnostic lines, shown by the engine: "akash.<Type> <subject>: <message>". Never pass secrets. */
export function resourceLog(type: string, subject: string): Log {
  return (message) => console.log(`akash.${type} ${subject}: ${message}`);
}

