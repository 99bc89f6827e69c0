import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { IdentityStore } from "./identity-store";
import { useTempDir } from "../testing";

describe("providers/identity-store", () => {
  const dir = useTempDir("provider-identity-");

  it("round-trips the gateway port and key pair per provider, owner-readable only, and starts empty", () => {
    const identity = { gatewayPort: 43123, cert: "-----BEGIN CERTIFICATE-----", privateKey: "-----BEGIN PRIVATE KEY-----", publicKey: "-----BEGIN EC PUBLIC KEY-----" };
    expect(IdentityStore.forProvider(dir(), "sim-a").load()).to.equal(undefined);
    IdentityStore.forProvider(dir(), "sim-a").save(identity);
    expect(IdentityStore.forProvider(dir(), "sim-a").load()).to.deep.equal(identity);
    expect(fs.statSync(path.join(dir(), "sim-a.identity.json")).mode & 0o077).to.equal(0, "not readable by others");
    expect(IdentityStore.forProvider(dir(), "sim-b").load()).to.equal(undefined);
  });

  it("refuses a file that is not an identity, naming it", () => {
    fs.writeFileSync(path.join(dir(), "sim-a.identity.json"), JSON.stringify({ gatewayPort: "x" }));
    expect(() => IdentityStore.forProvider(dir(), "sim-a").load()).to.throw(/sim-a\.identity\.json is not a provider identity/);
  });
});
