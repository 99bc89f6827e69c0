import { expect } from "chai";
import { sharedConnection, sharedGatewayLimit, sharedGatewayToken, sharedSigner, sharedTxQueue } from "./txQueues";
import { ConfigError } from "./errors";
import type { TxBackend } from "./txQueue";

const backend = (chainId: string, address: string) => ({ chainId, address }) as TxBackend;

describe("sharedTxQueue", () => {
  it("returns one queue per chain and signer, shared by every caller of the process", () => {
    const a = sharedTxQueue(backend("registry-test-1", "akash1aaa"));
    expect(sharedTxQueue(backend("registry-test-1", "akash1aaa"))).to.equal(a);
    expect(sharedTxQueue(backend("registry-test-1", "akash1bbb"))).to.not.equal(a);
    expect(sharedTxQueue(backend("registry-test-2", "akash1aaa"))).to.not.equal(a);
    expect(a.address).to.equal("akash1aaa");
  });

  it("derives a mnemonic's signer once per process, whatever its spacing", async () => {
    const mnemonic = "enlist hip relief stomach skate base shallow young switch frequent cry park";
    const a = await sharedSigner(mnemonic);
    expect(await sharedSigner(`  ${mnemonic.replace(/ /g, "  ")}\n`)).to.equal(a);
    expect(await sharedSigner("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about")).to.not.equal(a);
  });

  it("does not remember a failure, so a fixed configuration works without a restart", async () => {
    const bad = "enlist hip relief stomach skate base shallow young switch frequent cry cry";
    expect(await sharedSigner(bad).catch((e: unknown) => e)).to.be.instanceOf(ConfigError);
    expect(await sharedSigner(bad).catch((e: unknown) => e)).to.be.instanceOf(ConfigError);
    const options = { endpoints: ["http://127.0.0.1:1"], chainId: "registry-test-3", requestTimeoutMs: 500 };
    const first = sharedConnection(options);
    expect(await first.catch((e: unknown) => e)).to.be.instanceOf(ConfigError);
    expect(sharedConnection(options)).to.not.equal(first);
    await sharedConnection(options).catch(() => undefined);
  });

  it("shares one provider JWT per signer and one gateway request cap across every caller of the process", async () => {
    const signer = await sharedSigner("enlist hip relief stomach skate base shallow young switch frequent cry park");
    const other = await sharedSigner("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about");
    const token = sharedGatewayToken(signer);
    expect(sharedGatewayToken(signer)).to.equal(token);
    expect(sharedGatewayToken(other)).to.not.equal(token);
    expect(await Promise.all([token(), sharedGatewayToken(signer)()])).to.satisfy(([x, y]: string[]) => x === y);
    expect(sharedGatewayLimit()).to.equal(sharedGatewayLimit());
    expect(sharedGatewayLimit().max).to.equal(8);
  });
});
