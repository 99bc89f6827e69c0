// The program side of a dynamic resource: constructs an SDK resource under Pulumi's own mocks, as a Pulumi
// program would, and captures what it registers (type token, inputs incl. `__provider`) and how its outputs
// resolve. Mocks answer like the engine does for a dynamic provider: in preview the inputs come back as
// outputs (so every other declared output is unknown); otherwise `outputs(inputs)` plays Create.
import * as pulumi from "@pulumi/pulumi";
import { fromWire, type PropertyMap } from "./properties";

export interface Registration {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
  /** The inputs as the engine holds them: undefined dropped, secret-wrapped values as `Secret`. */
  properties: PropertyMap;
}

export interface MockOptions {
  preview?: boolean;
  /** Create's result for the given inputs (ignored in preview). Default: the inputs. */
  outputs?: (inputs: Record<string, unknown>) => Record<string, unknown>;
  id?: string;
  project?: string;
  stack?: string;
}

/**
 * Runs `make` under mocks and returns everything it registered once the resource's registration completed.
 * Mocks are process-wide: await each call.
 */
export async function registerWithMocks<R>(
  make: () => R,
  options: MockOptions = {},
): Promise<{ resource: R; registrations: Registration[] }> {
  const registrations: Registration[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        registrations.push({ type: args.type, name: args.name, inputs: args.inputs, properties: mockInputsToProperties(args.inputs) });
        if (options.preview) return { id: undefined, state: args.inputs };
        return { id: options.id ?? `${args.name}-id`, state: (options.outputs ?? ((i) => i))(args.inputs) };
      },
      call: () => ({}),
    },
    options.project ?? "harness",
    options.stack ?? "dev",
    options.preview ?? false,
  );
  const resource = make();
  if (pulumi.Resource.isInstance(resource)) await resolveOutput(resource.urn);
  return { resource, registrations };
}

export interface ResolvedOutput<T> {
  known: boolean;
  secret: boolean;
  value: T | undefined;
}

interface OutputInternals<T> {
  isKnown: Promise<boolean>;
  promise(withUnknowns?: boolean): Promise<T>;
}

/** Knownness, secretness and value of an Output (reads the Output's internal promises). */
export async function resolveOutput<T>(output: pulumi.Output<T>): Promise<ResolvedOutput<T>> {
  const internals = output as unknown as OutputInternals<T>;
  const [known, secret] = await Promise.all([internals.isKnown, pulumi.isSecret(output)]);
  return { known, secret, value: known ? await internals.promise() : undefined };
}

/** Mocks pass resolved inputs with `undefined` for unset ones and secrets (from secret outputs) wire-wrapped. */
function mockInputsToProperties(inputs: Record<string, unknown>): PropertyMap {
  const defined = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(defined);
    if (v !== null && typeof v === "object") {
      return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => [k, defined(x)]));
    }
    return v;
  };
  return fromWire(defined(inputs) as Record<string, unknown>);
}
