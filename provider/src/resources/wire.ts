// Pulumi's wire sentinels as dynamic provider hooks see and return them. The Node.js dynamic provider host
// says it accepts no secrets, so hooks receive plain values; in preview, unknown inputs reach check and diff
// as the unknown sentinel string.
import * as pulumi from "@pulumi/pulumi";

export type WireSecret<T> = { [key: string]: string | T };

/**
 * Marks a value a hook returns (check inputs, create/update/read outputs) as secret. Needed for values derived
 * from secrets under a new key: the engine only re-marks keys whose same-named input was secret.
 */
export function secretOutput<T>(value: T): WireSecret<T> {
  return { [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig, value };
}

/** True for a value not known yet (preview): check and diff must accept it without validating it. */
export function isUnknown(value: unknown): boolean {
  return value === pulumi.runtime.unknownValue;
}

/** True if `value` holds an unknown anywhere. */
export function containsUnknowns(value: unknown): boolean {
  if (isUnknown(value)) return true;
  if (Array.isArray(value)) return value.some(containsUnknowns);
  if (value !== null && typeof value === "object") return Object.values(value).some(containsUnknowns);
  return false;
}
