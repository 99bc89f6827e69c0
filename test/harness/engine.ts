// The engine's step logic for one resource, on top of ProviderServer: what `pulumi preview`, `pulumi up`,
// `pulumi refresh` and `pulumi destroy` ask of a provider (pulumi/pulumi pkg/resource/deploy/step_generator.go).
import { ProviderError, ProviderServer, type OutputOptions } from "./provider-server";
import { propertiesEqual, type PropertyMap } from "./properties";

/** What the engine keeps in the stack state for a resource. */
export interface ResourceState {
  urn: string;
  id: string;
  inputs: PropertyMap;
  outputs: PropertyMap;
  /** set when the last create or update was a partial failure: the next up updates it even without a diff */
  initErrors?: string[];
}

/**
 * A create or update that failed after the resource existed (the provider returned an init error): the engine
 * records `state` (the new inputs, the error's properties as outputs, its reasons as init errors) and fails.
 */
export class PartialFailureError extends ProviderError {
  constructor(
    error: ProviderError,
    readonly state: ResourceState,
  ) {
    super(error.method, error.code, error.details, error.initFailure);
  }
}

/** Runs a create or update step; a partial failure carries the state the engine records for it. */
async function step<T>(op: Promise<T>, recorded: (failure: NonNullable<ProviderError["initFailure"]>) => ResourceState): Promise<T> {
  try {
    return await op;
  } catch (error) {
    if (error instanceof ProviderError && error.initFailure) throw new PartialFailureError(error, recorded(error.initFailure));
    throw error;
  }
}

export type StepOp = "create" | "update" | "replace" | "same";

export class CheckFailedError extends Error {
  constructor(
    readonly urn: string,
    readonly failures: Array<{ property: string; reason: string }>,
  ) {
    super(failures.map((f) => `${f.property}: ${f.reason}`).join("\n"));
    this.name = "CheckFailedError";
  }
}

/**
 * Registers `news` for `urn` against the prior state: Check, then Create or Diff (+ Update or replacement).
 * With `preview` nothing is changed and the returned state is the planned one.
 */
export async function up(
  server: ProviderServer,
  urn: string,
  news: PropertyMap,
  prior?: ResourceState,
  opts: OutputOptions = {},
): Promise<{ op: StepOp; state: ResourceState }> {
  const checked = await server.check(urn, prior?.inputs ?? {}, news, { preview: opts.preview });
  if (checked.failures.length > 0) throw new CheckFailedError(urn, checked.failures);
  const inputs = checked.inputs;
  const partial = (f: NonNullable<ProviderError["initFailure"]>): ResourceState => ({ urn, id: f.id, inputs, outputs: f.properties, initErrors: f.reasons });
  if (!prior) {
    const created = await step(server.create(urn, inputs, opts), partial);
    return { op: "create", state: { urn, id: created.id, inputs, outputs: created.outputs } };
  }
  const diff = await server.diff(
    prior.id,
    urn,
    { oldInputs: prior.inputs, oldOutputs: prior.outputs, news: inputs },
    { preview: opts.preview },
  );
  // DIFF_UNKNOWN (no diff hook): the engine compares old and new inputs itself.
  const changed = diff.changes === "unknown" ? !propertiesEqual(prior.inputs, inputs) : diff.changes === "some";
  // A resource with init errors is updated again even without a diff (step_generator.go), to finish it.
  if (!changed && !prior.initErrors?.length) return { op: "same", state: { ...prior, inputs } };
  if (diff.replaces.length > 0) {
    if (opts.preview) return { op: "replace", state: { urn, id: "", inputs, outputs: { ...inputs } } };
    if (diff.deleteBeforeReplace) await server.delete(prior.id, urn, prior);
    const created = await step(server.create(urn, inputs, opts), partial);
    // Create-before-delete: the old resource goes once the new one exists.
    if (!diff.deleteBeforeReplace) await server.delete(prior.id, urn, prior);
    return { op: "replace", state: { urn, id: created.id, inputs, outputs: created.outputs } };
  }
  const updated = await step(server.update(prior.id, urn, { oldInputs: prior.inputs, oldOutputs: prior.outputs, news: inputs }, opts), partial);
  return { op: "update", state: { urn, id: prior.id, inputs, outputs: updated.outputs } };
}

/** `pulumi refresh`: Read; an empty id means the resource is gone. */
export async function refresh(server: ProviderServer, state: ResourceState): Promise<ResourceState | undefined> {
  const read = await server.read(state.id, state.urn, { outputs: state.outputs, inputs: state.inputs });
  if (!read.id) return undefined;
  return { urn: state.urn, id: read.id, inputs: read.inputs ?? state.inputs, outputs: read.outputs };
}

export async function destroy(server: ProviderServer, state: ResourceState): Promise<void> {
  await server.delete(state.id, state.urn, state);
}
