/**
 * authz and feegrant acceptance: a granter gives a grantee an escrow DepositAuthorization (and a
 * generic grant) and a fee allowance through cosmjs; they show in every query, fund a deployment,
 * are revoked; the error paths carry the node's codes.
 */
import { expect } from "chai";
import { GenericAuthorization } from "cosmjs-types/cosmos/authz/v1beta1/authz";
import { QueryGranteeGrantsRequest, QueryGranteeGrantsResponse, QueryGranterGrantsRequest, QueryGranterGrantsResponse, QueryGrantsRequest, QueryGrantsResponse } from "cosmjs-types/cosmos/authz/v1beta1/query";
import { MsgGrant, MsgRevoke } from "cosmjs-types/cosmos/authz/v1beta1/tx";
import { BasicAllowance } from "cosmjs-types/cosmos/feegrant/v1beta1/feegrant";
import { QueryAllowanceRequest, QueryAllowanceResponse, QueryAllowancesRequest, QueryAllowancesResponse } from "cosmjs-types/cosmos/feegrant/v1beta1/query";
import { MsgGrantAllowance, MsgRevokeAllowance } from "cosmjs-types/cosmos/feegrant/v1beta1/tx";
import { MsgSend } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import type { BroadcastTxError } from "@cosmjs/stargate";
import type { Devnet } from "../../devnet/src";
import { DepositAuthorization, DepositAuthorization_Scope } from "../../devnet/src/modules/authz/deposit-authorization";
import { fundedWallet, type FundedWallet } from "../../devnet/src/testing";
import { MsgCloseDeployment, MsgCreateDeployment } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { compiled, dseq, useTestDevnet, type ChainAccess } from "./market-support";
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

  const env = useTestDevnet();
  before(async () => {
    devnet = env.devnet();
    chain = env.chain();
    [granter, grantee] = await Promise.all([fundedWallet(devnet), fundedWallet(devnet)]);
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

describe("devnet feegrant module (BasicAllowance)", function () {
  this.timeout(120_000);
  let devnet: Devnet;
  let chain: ChainAccess;
  let granter: FundedWallet;
  let grantee: FundedWallet;
  const allowance = (spendLimit: Array<{ denom: string; amount: string }>) => ({
    typeUrl: BasicAllowance.typeUrl,
    value: BasicAllowance.encode(BasicAllowance.fromPartial({ spendLimit })).finish(),
  });
  const grant = (from: string, to: string, limit = [{ denom: "uakt", amount: "100000" }]) => ({
    typeUrl: MsgGrantAllowance.typeUrl,
    value: MsgGrantAllowance.fromPartial({ granter: from, grantee: to, allowance: allowance(limit) }),
  });
  const revokeAllowance = (from: string, to: string) => ({ typeUrl: MsgRevokeAllowance.typeUrl, value: MsgRevokeAllowance.fromPartial({ granter: from, grantee: to }) });

  const env = useTestDevnet();
  before(async () => {
    devnet = env.devnet();
    chain = env.chain();
    [granter, grantee] = await Promise.all([fundedWallet(devnet), fundedWallet(devnet)]);
  });

  it("grants, shows and revokes a fee allowance, with the node's errors", async () => {
    await chain.expectOk(granter, [grant(granter.address, grantee.address)]);
    const { allowance: found } = await chain.query("/cosmos.feegrant.v1beta1.Query/Allowance", QueryAllowanceRequest, QueryAllowanceResponse, {
      granter: granter.address,
      grantee: grantee.address,
    });
    expect(BasicAllowance.decode(found!.allowance!.value).spendLimit).to.deep.equal([{ denom: "uakt", amount: "100000" }]);
    const byGrantee = await chain.query("/cosmos.feegrant.v1beta1.Query/Allowances", QueryAllowancesRequest, QueryAllowancesResponse, { grantee: grantee.address });
    expect(byGrantee.allowances.map((a) => a.granter)).to.deep.equal([granter.address]);

    expect(await chain.submit(granter, [grant(granter.address, grantee.address)])).to.deep.include({ codespace: "sdk", code: 18 });
    expect(await chain.submit(granter, [grant(granter.address, granter.address)])).to.deep.include({ codespace: "sdk", code: 7 });
    expect(await chain.submit(grantee, [grant(grantee.address, granter.address, [{ denom: "uakt", amount: "0" }])])).to.deep.include({ codespace: "sdk", code: 10 });

    await chain.expectOk(granter, [revokeAllowance(granter.address, grantee.address)]);
    // cosmos 0.53's keeper reports a missing grant as sdk ErrNotFound, not feegrant ErrNoAllowance
    expect(await chain.submit(granter, [revokeAllowance(granter.address, grantee.address)])).to.deep.include({ codespace: "sdk", code: 38 });
    const missing = await failedQuery(devnet.rpcUrl, "/cosmos.feegrant.v1beta1.Query/Allowance", QueryAllowanceRequest, { granter: granter.address, grantee: grantee.address });
    expect(missing).to.deep.include({ codespace: "sdk", code: 6 });
    expect(missing.log).to.contain("rpc error: code = Internal desc = fee-grant not found: not found");
  });

  it("pays a grantee's fee from the allowance named by fee.granter, and refuses a granter without one", async () => {
    await chain.expectOk(granter, [grant(granter.address, grantee.address)]);
    const uakt = async (w: FundedWallet) => BigInt((await w.client.getBalance(w.address, "uakt")).amount);
    const [granterBefore, granteeBefore] = [await uakt(granter), await uakt(grantee)];
    const selfSend = (w: FundedWallet) => ({ typeUrl: MsgSend.typeUrl, value: MsgSend.fromPartial({ fromAddress: w.address, toAddress: w.address, amount: [{ denom: "uakt", amount: "1" }] }) });
    const grantedFee = (amount: string) => ({ amount: [{ denom: "uakt", amount }], gas: "200000", granter: granter.address });

    const res = await grantee.client.signAndBroadcast(grantee.address, [selfSend(grantee)], grantedFee("5000"));
    expect(res.code).to.equal(0);
    expect(await uakt(grantee)).to.equal(granteeBefore);
    expect(await uakt(granter)).to.equal(granterBefore - 5000n);
    const feeEvent = res.events.find((e) => e.type === "tx" && e.attributes.some((a) => a.key === "fee_payer"));
    expect(feeEvent?.attributes.find((a) => a.key === "fee_payer")?.value).to.equal(granter.address);
    expect(res.events.map((e) => e.type)).to.include.members(["use_feegrant", "update_feegrant"]);
    const { allowance: left } = await chain.query("/cosmos.feegrant.v1beta1.Query/Allowance", QueryAllowanceRequest, QueryAllowanceResponse, {
      granter: granter.address,
      grantee: grantee.address,
    });
    expect(BasicAllowance.decode(left!.allowance!.value).spendLimit).to.deep.equal([{ denom: "uakt", amount: "95000" }]);

    const refusal = (w: FundedWallet, amount: string) => w.client.signAndBroadcast(w.address, [selfSend(w)], grantedFee(amount)).then(() => undefined, (e: BroadcastTxError) => e);
    const stranger = await fundedWallet(devnet);
    const noGrant = await refusal(stranger, "5000");
    expect(noGrant).to.include({ codespace: "sdk", code: 38 });
    expect(noGrant?.log).to.match(/ does not allow to pay fees for .+: fee-grant not found: not found$/s); // Go prints the address bytes raw (%s of []byte): they may hold a newline
    const overLimit = await refusal(grantee, "200000");
    expect(overLimit).to.include({ codespace: "feegrant", code: 2 });
    expect(overLimit?.log).to.match(/ does not allow to pay fees for .+: basic allowance: fee limit exceeded$/s);
    expect(await uakt(stranger)).to.equal(1_000_000_000n);
  });
});
