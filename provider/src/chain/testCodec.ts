/** Test fixture: encode a message through the Akash cosmjs registry and decode it back, as the chain would. */
import { createAkashRegistry } from "./registry";

const registry = createAkashRegistry();

export function roundTrip(m: { typeUrl: string; value: unknown }): any {
  return registry.decode(registry.encodeAsAny(m));
}
