/**
 * Go parity over the chain-sdk golden fixtures: the sorted manifest, the group specs and the version hash must
 * equal what the Go parser (chain-sdk go/sdl) produced, byte for byte.
 */
import { expect } from "chai";
import { GroupSpec } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { compileSdl, groupSpecToJson, manifestVersion, sortedManifestJson, type GroupSpecJson } from "../../provider/src/sdl";
import { fixture, fixtureDirs } from "./fixtures";

/** Go's JSON has `null` for empty lists where proto JSON has nothing; compare the meaning. */
function semantic(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.map(semantic);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const s = semantic(v);
      if (s !== undefined) out[k] = s;
    }
    return out;
  }
  return value === null ? undefined : value;
}

function numericPrices(groups: GroupSpecJson[]): unknown {
  return semantic(groups.map((g) => ({ ...g, resources: g.resources.map((u) => ({ ...u, price: { ...u.price, amount: Number(u.price.amount) } })) })));
}

describe("SDL parity with the Go parser (chain-sdk golden fixtures)", () => {
  for (const version of ["v2.0", "v2.1"]) {
    for (const name of fixtureDirs("chain-sdk-parity", version)) {
      describe(`${version}/${name}`, () => {
        const dir = ["chain-sdk-parity", version, name];
        const compiled = compileSdl(fixture(...dir, "input.yaml"), { file: `${name}/input.yaml` });

        it("gives Go's sorted manifest byte for byte", () => {
          expect(compiled.manifestJson).to.equal(fixture(...dir, "expected-sorted-manifest.json").trim());
        });

        it("gives Go's version hash", () => {
          expect(compiled.versionHex).to.equal(fixture(...dir, "expected-manifest-hash.hex").trim());
          expect(compiled.version).to.have.length(32);
        });

        it("gives a manifest equal to Go's manifest.json", () => {
          const goManifest: unknown = JSON.parse(fixture(...dir, "manifest.json"));
          expect(compiled.manifest).to.deep.equal(goManifest);
          expect(Buffer.from(manifestVersion(goManifest)).toString("hex")).to.equal(compiled.versionHex);
        });

        it("gives Go's group specs, through the chain-sdk codec", () => {
          const wire = compiled.groups.map((g) => GroupSpec.decode(GroupSpec.encode(g).finish()));
          const goGroups: unknown = JSON.parse(fixture(...dir, "group-specs.json"));
          expect(semantic(compiled.groups.map(groupSpecToJson))).to.deep.equal(semantic(goGroups));
          // The codec scales LegacyDec prices on the wire (50 -> 50e18) and back; the value must survive.
          expect(numericPrices(wire.map(groupSpecToJson))).to.deep.equal(numericPrices(goGroups as GroupSpecJson[]));
        });

        it("re-serialises its own manifest to the same bytes (round trip)", () => {
          expect(sortedManifestJson(JSON.parse(compiled.manifestJson))).to.equal(compiled.manifestJson);
        });
      });
    }
  }

  describe("chain-sdk TS hash snapshots", () => {
    for (const name of ["minesweeper", "empty-profile"]) {
      it(`${name} hashes to the snapshot`, () => {
        const compiled = compileSdl(fixture("chain-sdk-hash-snapshots", `${name}.sdl.yaml`));
        expect(compiled.versionHex).to.equal(fixture("chain-sdk-hash-snapshots", `${name}.expected-hash.hex`).trim());
      });
    }
    it("empty-profile gives the snapshot's sorted JSON", () => {
      const compiled = compileSdl(fixture("chain-sdk-hash-snapshots", "empty-profile.sdl.yaml"));
      expect(compiled.manifestJson).to.equal(fixture("chain-sdk-hash-snapshots", "empty-profile.expected-sorted.json").trim());
    });
    it("wordpress.sdl.yml gives the canonical wordpress.manifest.json", () => {
      const compiled = compileSdl(fixture("chain-sdk-ts-fixtures", "wordpress.sdl.yml"));
      expect(compiled.manifestJson).to.equal(sortedManifestJson(JSON.parse(fixture("chain-sdk-ts-fixtures", "wordpress.manifest.json"))));
    });
  });
});
