/**
 * Where a provider keeps the manifests it deployed, so that after a devnet restart (chain persisted in
 * its data dir) the services of still-active leases come back, as a real provider's cluster would keep
 * running them. One JSON file per provider, replaced atomically.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { ManifestGroup } from "./manifest-check";

export class ManifestStore {
  constructor(private readonly file: string) {}

  static forProvider(dir: string, providerName: string): ManifestStore {
    return new ManifestStore(path.join(dir, `${providerName}.manifests.json`));
  }

  /** Deployed manifest group by lease key ("owner/dseq/gseq/oseq"); empty if nothing was saved. */
  load(): Map<string, ManifestGroup> {
    let text: string;
    try {
      text = fs.readFileSync(this.file, "utf8");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return new Map();
      throw e;
    }
    const parsed = JSON.parse(text) as { leases?: Record<string, ManifestGroup> };
    return new Map(Object.entries(parsed.leases ?? {}));
  }

  save(leases: ReadonlyMap<string, ManifestGroup>): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    const tmp = `${this.file}.tmp`;
    // manifests may carry tenants' environment secrets: readable by the owner only
    fs.writeFileSync(tmp, JSON.stringify({ leases: Object.fromEntries(leases) }), { mode: 0o600 });
    fs.renameSync(tmp, this.file);
  }
}
