import { expect } from "chai";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parityCase } from "./fixtures";
import { parseManifest } from "./manifest-check";
import { ManifestStore } from "./manifest-store";

describe("providers/manifest-store", () => {
  it("round-trips deployed manifests by lease, and starts empty", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "provider-store-"));
    try {
      const store = ManifestStore.forProvider(dir, "sim-a");
      expect(store.load().size).to.equal(0);
      const [group] = parseManifest(parityCase("v2.0", "simple").manifestJson).groups;
      store.save(new Map([["akash1x/5/1/1", group]]));
      expect(ManifestStore.forProvider(dir, "sim-a").load()).to.deep.equal(new Map([["akash1x/5/1/1", group]]));
      expect(fs.statSync(path.join(dir, "sim-a.manifests.json")).mode & 0o077).to.equal(0, "not readable by others");
      expect(ManifestStore.forProvider(dir, "sim-b").load().size).to.equal(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
