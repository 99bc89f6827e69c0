// The `__provider` input of a dynamic resource, built exactly as pulumi.dynamic.Resource builds it
// (dynamic/index.js serializeFunctionMaybeSecret): serializeFunction(() => provider, { allowSecrets: true }).
import * as pulumi from "@pulumi/pulumi";
import type { PropertyMap } from "./properties";

export const PROVIDER_KEY = "__provider";

export interface SerializedProvider {
  /** The module text stored in `__provider` (the plugin runs `requireFromString(text).handler()`). */
  text: string;
  /** True when the closure captured a secret Output: the whole `__provider` input then becomes secret. */
  containsSecrets: boolean;
}

export async function serializeProvider(provider: pulumi.dynamic.ResourceProvider): Promise<SerializedProvider> {
  const sf = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
  return { text: sf.text, containsSecrets: sf.containsSecrets };
}

/** The inputs a dynamic resource registers: its props plus the serialized provider. */
export function dynamicInputs(provider: SerializedProvider, props: PropertyMap): PropertyMap {
  if (PROVIDER_KEY in props) throw new Error("A dynamic resource must not define the __provider key");
  return { ...props, [PROVIDER_KEY]: provider.text };
}

/** Every secret that appears verbatim in `text` (use on `__provider` text and on plugin logs). */
export function leakedSecrets(text: string, secrets: string[]): string[] {
  return secrets.filter((s) => s.length > 0 && text.includes(s));
}
