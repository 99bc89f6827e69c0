/**
 * What keeps a simulated provider the same provider across devnet restarts on a kept data dir, like a
 * real provider's key and certificate files: its gateway port (so the on-chain host URI stays valid) and
 * the TLS key pair whose certificate it published on chain. One file per provider, owner-only.
 */
import * as path from "node:path";
import { z } from "zod";
import { readIfExists, writePrivate } from "./private-file";

const identitySchema = z.object({
  gatewayPort: z.number().int().min(1).max(65535),
  cert: z.string().min(1),
  privateKey: z.string().min(1),
  publicKey: z.string().min(1),
});

export type ProviderIdentity = z.infer<typeof identitySchema>;

export class IdentityStore {
  constructor(private readonly file: string) {}

  static forProvider(dir: string, providerName: string): IdentityStore {
    return new IdentityStore(path.join(dir, `${providerName}.identity.json`));
  }

  /** The saved identity; undefined on the first run. */
  load(): ProviderIdentity | undefined {
    const text = readIfExists(this.file);
    if (text === undefined) return undefined;
    const parsed = identitySchema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new Error(`${this.file} is not a provider identity (${parsed.error.issues[0]?.message}); delete it to start with a new one`);
    return parsed.data;
  }

  save(identity: ProviderIdentity): void {
    writePrivate(this.file, JSON.stringify(identity));
  }
}
