// The engine's step logic for one resource, on top of ProviderServer: what `pulumi preview`, `pulumi up`,
// `pulumi refresh` and `pulumi destroy` ask of a provider (pulumi/pulumi pkg/resource/deploy/step_generator.go).
import { ProviderServer, type OutputOptions } from "./provider-server";
import { propertiesEqual, type PropertyMap } from "./properties";

/** What the engine keeps in the stack state for a resource. */
export interface ResourceState {
  urn: string;
  id: string;
  inputs: PropertyMap;
  outputs: PropertyMap;
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
  if (!prior) {
    const created = await server.create(urn, inputs, opts);
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
  if (!changed) return { op: "same", state: { ...prior, inputs } };
  if (diff.replaces.length > 0) {
    if (opts.preview) return { op: "replace", state: { urn, id: "", inputs, outputs: { ...inputs } } };
    if (diff.deleteBeforeReplace) await server.delete(prior.id, urn, prior);
    const created = await server.create(urn, inputs, opts);
    // Create-before-delete: the old resource goes once the new one exists.
    if (!diff.deleteBeforeReplace) await server.delete(prior.id, urn, prior);
    return { op: "replace", state: { urn, id: created.id, inputs, outputs: created.outputs } };
  }
  const updated = await server.update(
    prior.id,
    urn,
    { oldInputs: prior.inputs, oldOutputs: prior.outputs, news: inputs },
    opts,
  );
  return { op: "update", state: { ...prior, inputs, outputs: updated.outputs } };
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
