/**
 * authz acceptance: a granter gives a grantee an escrow DepositAuthorization (and a generic grant)
 * through cosmjs; the grants show in every grants query; revoke and the error paths carry the codes.
 */
import { expect } from "chai";
import { GenericAuthorization } from "cosmjs-types/cosmos/authz/v1beta1/authz";
import { QueryGranteeGrantsRequest, QueryGranteeGrantsResponse, QueryGranterGrantsRequest, QueryGranterGrantsResponse, QueryGrantsRequest, QueryGrantsResponse } from "cosmjs-types/cosmos/authz/v1beta1/query";
import { MsgGrant, MsgRevoke } from "cosmjs-types/cosmos/authz/v1beta1/tx";
import type { Devnet } from "../../devnet/src";
import { DepositAuthorization, DepositAuthorization_Scope } from "../../devnet/src/modules/authz/deposit-authorization";
import { fundedWallet, startTestDevnet, type FundedWallet } from "../../devnet/src/testing";
import { MsgCloseDeployment, MsgCreateDeployment } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { compiled, connect, dseq, type ChainAccess } from "./market-support";
import { failedQuery } from "./registry-support";

const depositTypeUrl = "/akash.escrow.v1.MsgAccountDeposit";

const depositGrant = (granter: string, grantee: string, auth: Parameters<typeof DepositAuthorization.encode>[0], expiration?: Date) => ({
  typeUrl: MsgGrant.typeUrl,
  value: MsgGrant.fromPartial({
    granter,
    grantee,
    grant: {
      authorization: { typeUrl: DepositAuthorization.typeUrl, value: DepositAuthorization.encode(auth).finish() },
      expiration: expiration && { seconds: BigInt(Math.floor(expiration.getTime() / 1000)), nanos: 0 },
    },
  }),
});
const revoke = (granter: string, grantee: string, msgTypeUrl = depositTypeUrl) => ({
  typeUrl: MsgRevoke.typeUrl,
  value: MsgRevoke.fromPartial({ granter, grantee, msgTypeUrl }),
});

describe("devnet authz module (deposit grants)", function () {
  this.timeout(120_000);
  let devnet: Devnet;
  let chain: ChainAccess;
  let granter: FundedWallet;
  let grantee: FundedWallet;

  before(async () => {
    devnet = await startTestDevnet({ providers: false });
    chain = await connect(devnet.rpcUrl);
    [granter, grantee] = await Promise.all([fundedWallet(devnet), fundedWallet(devnet)]);
  });

  after(async () => {
    chain?.disconnect();
    await devnet?.stop();
  });

  it("grants a DepositAuthorization that every grants query shows", async () => {
    const limits = [{ denom: "uact", amount: "5000000" }];
    await chain.expectOk(granter, [depositGrant(granter.address, grantee.address, { scopes: [DepositAuthorization_Scope.deployment], spendLimits: limits })]);
    const { grants } = await chain.query("/cosmos.authz.v1beta1.Query/Grants", QueryGrantsRequest, QueryGrantsResponse, {
      granter: granter.address,
      grantee: grantee.address,
      msgTypeUrl: depositTypeUrl,
    });
    expect(grants).to.have.length(1);
    const auth = DepositAuthorization.decode(grants[0]!.authorization!.value);
    expect(auth.scopes).to.deep.equal([DepositAuthorization_Scope.deployment]);
    expect(auth.spendLimits).to.deep.equal(limits);
    const byGranter = await chain.query("/cosmos.authz.v1beta1.Query/GranterGrants", QueryGranterGrantsRequest, QueryGranterGrantsResponse, { granter: granter.address });
    expect(byGranter.grants.map((g) => g.grantee)).to.deep.equal([grantee.address]);
    const byGrantee = await chain.query("/cosmos.authz.v1beta1.Query/GranteeGrants", QueryGranteeGrantsRequest, QueryGranteeGrantsResponse, { grantee: grantee.address });
    expect(byGrantee.grants.map((g) => g.granter)).to.deep.equal([granter.address]);
  });

  it("keeps a generic grant beside it and revokes by message type", async () => {
    const generic = {
      typeUrl: MsgGrant.typeUrl,
      value: MsgGrant.fromPartial({
        granter: granter.address,
        grantee: grantee.address,
        grant: { authorization: { typeUrl: GenericAuthorization.typeUrl, value: GenericAuthorization.encode({ msg: "/cosmos.bank.v1beta1.MsgSend" }).finish() } },
      }),
    };
    await chain.expectOk(granter, [generic]);
    const all = await chain.query("/cosmos.authz.v1beta1.Query/Grants", QueryGrantsRequest, QueryGrantsResponse, { granter: granter.address, grantee: grantee.address });
    expect(all.grants.map((g) => g.authorization!.typeUrl).sort()).to.deep.equal([DepositAuthorization.typeUrl, GenericAuthorization.typeUrl].sort());
    await chain.expectOk(granter, [revoke(granter.address, grantee.address, "/cosmos.bank.v1beta1.MsgSend")]);
    const left = await chain.query("/cosmos.authz.v1beta1.Query/Grants", QueryGrantsRequest, QueryGrantsResponse, { granter: granter.address, grantee: grantee.address });
    expect(left.grants.map((g) => g.authorization!.typeUrl)).to.deep.equal([DepositAuthorization.typeUrl]);
  });

  it("answers grant errors with the node's codes", async () => {
    const other = await fundedWallet(devnet);
    const ok = { scopes: [DepositAuthorization_Scope.deployment], spendLimits: [{ denom: "uact", amount: "1" }] };
    expect(await chain.submit(granter, [depositGrant(granter.address, granter.address, ok)])).to.deep.include({ codespace: "authz", code: 7 });
    expect(await chain.submit(granter, [depositGrant(granter.address, other.address, { ...ok, scopes: [] })])).to.deep.include({ codespace: "escrow", code: 17 });
    const deprecated = await chain.submit(granter, [depositGrant(granter.address, other.address, { ...ok, spendLimit: { denom: "uact", amount: "5" } })]);
    expect(deprecated).to.deep.include({ codespace: "sdk", code: 10 });
    expect(deprecated.log).to.contain("spend limit is deprecated and must be zero");
    expect(await chain.submit(granter, [depositGrant(granter.address, other.address, ok, new Date(Date.now() - 3600_000))])).to.deep.include({ codespace: "authz", code: 3 });
    expect(await chain.submit(granter, [revoke(granter.address, other.address)])).to.deep.include({ codespace: "authz", code: 2 });
    const missing = await failedQuery(devnet.rpcUrl, "/cosmos.authz.v1beta1.Query/Grants", QueryGrantsRequest, {
      granter: granter.address,
      grantee: other.address,
      msgTypeUrl: depositTypeUrl,
    });
    expect(missing).to.deep.include({ codespace: "sdk", code: 6 });
    expect(missing.log).to.contain("authorization not found");
  });

  it("funds a grantee's deployment from the grant and refunds the grant when it closes", async () => {
    const grantLimits = async () => {
      const { grants } = await chain.query("/cosmos.authz.v1beta1.Query/Grants", QueryGrantsRequest, QueryGrantsResponse, {
        granter: granter.address,
        grantee: grantee.address,
        msgTypeUrl: depositTypeUrl,
      });
      return DepositAuthorization.decode(grants[0]!.authorization!.value).spendLimits;
    };
    const granterAct = async () => BigInt((await granter.client.getBalance(granter.address, "uact")).amount);
    const before = await granterAct();
    const sdl = compiled("100");
    const id = dseq();
    await chain.expectOk(grantee, [
      {
        typeUrl: `/${MsgCreateDeployment.$type}`,
        value: MsgCreateDeployment.fromPartial({
          id: { owner: grantee.address, dseq: String(id) },
          groups: sdl.groups,
          hash: sdl.version,
          deposit: { amount: { denom: "uact", amount: "600000" }, sources: [2] },
        }),
      },
    ]);
    expect(await grantLimits()).to.deep.equal([{ denom: "uact", amount: "4400000" }]);
    expect(await granterAct()).to.equal(before - 600000n);
    await chain.expectOk(grantee, [{ typeUrl: `/${MsgCloseDeployment.$type}`, value: MsgCloseDeployment.fromPartial({ id: { owner: grantee.address, dseq: String(id) } }) }]);
    expect(await grantLimits()).to.deep.equal([{ denom: "uact", amount: "5000000" }]);
    expect(await granterAct()).to.equal(before);
  });

  it("revokes the deposit grant", async () => {
    await chain.expectOk(granter, [revoke(granter.address, grantee.address)]);
    const { grants } = await chain.query("/cosmos.authz.v1beta1.Query/GranterGrants", QueryGranterGrantsRequest, QueryGranterGrantsResponse, { granter: granter.address });
    expect(grants).to.have.length(0);
  });
});
