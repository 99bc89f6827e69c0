/**
 * Where a provider keeps the manifests it deployed, so that after a devnet restart (chain persisted in
 * its data dir) the services of still-active leases come back, as a real provider's cluster would keep
 * running them. One JSON file per provider, replaced atomically.
 */
import * as path from "node:path";
import type { ManifestGroup } from "./manifest-check";
import { readIfExists, writePrivate } from "./private-file";

export class ManifestStore {
  constructor(private readonly file: string) {}

  static forProvider(dir: string, providerName: string): ManifestStore {
    return new ManifestStore(path.join(dir, `${providerName}.manifests.json`));
  }

  /** Deployed manifest group by lease key ("owner/dseq/gseq/oseq"); empty if nothing was saved. */
  load(): Map<string, ManifestGroup> {
    const text = readIfExists(this.file);
    if (text === undefined) return new Map();
    const parsed = JSON.parse(text) as { leases?: Record<string, ManifestGroup> };
    return new Map(Object.entries(parsed.leases ?? {}));
  }

  save(leases: ReadonlyMap<string, ManifestGroup>): void {
    writePrivate(this.file, JSON.stringify({ leases: Object.fromEntries(leases) }));
  }
}
