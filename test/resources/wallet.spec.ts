// akash.Wallet through the real plugin against the devnet: no mint while ACT >= minAct; once deposits drain it
// below, preview shows the update (diff reads the chain) and up burns AKT, waits for the BME epoch and reports.
import { expect } from "chai";
import { Wallet } from "../../sdk";
import { compileSdl } from "../../provider/src/sdl";
import { latestBlock } from "../../provider/src/chain/blocks";
import { queryBalance } from "../../provider/src/chain/bank/queries";
import { msgCreateDeployment } from "../../provider/src/chain/deployment/messages";
import { signingClient } from "../../provider/src/resources/chain-session";
import { resolveAkashConfig } from "../../provider/src/resources/config";
import { CheckFailedError, destroy, makeUrn, registerWithMocks, up, type PropertyMap } from "../harness";
import { oneServiceSdl } from "../client/helpers";
import { out, registeredInputs, useResourceDevnet } from "./support";

const SDL = oneServiceSdl({ image: "nginx:1.27", port: 80, cpu: 0.5, memory: "512Mi", storage: "1Gi", placement: "dcloud", price: 1000 });

describe("akash.Wallet (plugin + devnet)", function () {
  this.timeout(180_000);
  // 5 ACT to start with; the BME mints at least 10 ACT at an epoch every 10 blocks.
  const ctx = useResourceDevnet({ providers: false }, [
    { denom: "uakt", amount: "1000000000" },
    { denom: "uact", amount: "5000000" },
  ]);

  async function walletInputs(args: ConstructorParameters<typeof Wallet>[1]): Promise<{ urn: string; inputs: PropertyMap }> {
    const { registrations } = await registerWithMocks(() => new Wallet("funds", args));
    expect(registrations[0].type).to.equal("pulumi-nodejs:dynamic/akash:Wallet");
    return { urn: makeUrn(registrations[0].type, "funds"), inputs: registeredInputs(registrations[0]) };
  }

  it("mints only when ACT falls below minAct, visibly in preview, and waits for the mint to arrive", async () => {
    const { urn, inputs } = await walletInputs({ minAct: 2, targetAct: 15, maxAktPerRun: 50, aktPriceUsd: 1 });
    const created = await up(ctx.server, urn, inputs);
    expect(created.state.id).to.equal(ctx.wallet.address);
    expect(out(created.state.outputs, "lastMint")).to.deep.equal({ burnedAkt: 0, mintedAct: 0 });
    expect(out(created.state.outputs, "actBalance")).to.equal(5);
    expect((await up(ctx.server, urn, inputs, created.state, { preview: true })).op).to.equal("same");

    // Spend 4 ACT on a deployment deposit: 1 ACT left, below minAct.
    const config = resolveAkashConfig({ get: (k) => ({ "akash:network": "devnet", "akash:rpcEndpoint": ctx.devnet.rpcUrl, "akash:chainId": ctx.devnet.chainId, "akash:mnemonic": ctx.wallet.mnemonic })[k] }, {});
    const client = await signingClient(config);
    const compiled = compileSdl(SDL);
    const dseq = String((await latestBlock(ctx.conn)).height);
    await client.queue.submit([
      msgCreateDeployment({ owner: ctx.wallet.address, dseq, groups: compiled.groups, hash: compiled.version, deposit: { denom: "uact", amount: "4000000" } }),
    ]);

    const preview = await up(ctx.server, urn, inputs, created.state, { preview: true });
    expect(preview.op).to.equal("update");
    expect(await queryBalance(ctx.conn, ctx.wallet.address, "uact")).to.equal("1000000"); // preview burned nothing

    const minted = await up(ctx.server, urn, inputs, created.state);
    expect(minted.op).to.equal("update");
    const lastMint = out<{ burnedAkt: number; mintedAct: number }>(minted.state.outputs, "lastMint");
    // 14 ACT wanted, grossed up for the 0.25 % spread, at 1 ACT per AKT
    expect(lastMint.burnedAkt).to.be.closeTo(14.035088, 1e-6);
    expect(lastMint.mintedAct).to.be.closeTo(14, 1e-6);
    expect(out<number>(minted.state.outputs, "actBalance")).to.be.closeTo(15, 1e-6);
    expect(Number(await queryBalance(ctx.conn, ctx.wallet.address, "uact"))).to.be.closeTo(15_000_000, 1);

    // At or above minAct again: nothing to do, and the last mint is still reported.
    const again = await up(ctx.server, urn, inputs, minted.state);
    expect(again.op).to.equal("same");

    // Without aktPriceUsd the price comes from the BME's executed mint.
    const { inputs: priced } = await walletInputs({ minAct: 20, targetAct: 25, maxAktPerRun: 50 });
    const second = await up(ctx.server, urn, priced, minted.state);
    expect(out<{ mintedAct: number }>(second.state.outputs, "lastMint").mintedAct).to.be.closeTo(10, 1e-6);
    await ctx.server.waitForLog("the BME's last executed mint", "stdout", 5000);

    await destroy(ctx.server, second.state);
    await ctx.server.waitForLog("minted ACT stays in the wallet", "stdout", 5000);
    expect(await ctx.server.leakedInLogs([ctx.wallet.mnemonic])).to.deep.equal([]);
  });

  it("requires maxAktPerRun and targetAct >= minAct, naming the inputs", async () => {
    const { urn, inputs } = await walletInputs({ minAct: 30, targetAct: 20 } as never);
    const failed = await up(ctx.server, urn, inputs).catch((e: unknown) => e);
    expect(failed).to.be.instanceOf(CheckFailedError);
    const properties = (failed as CheckFailedError).failures.map((f) => f.property);
    expect(properties).to.include("maxAktPerRun");
    expect((failed as CheckFailedError).failures.find((f) => f.property === "maxAktPerRun")?.reason).to.match(/required/);
  });
});
