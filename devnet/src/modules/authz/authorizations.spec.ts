import { expect } from "chai";
import { GenericAuthorization } from "cosmjs-types/cosmos/authz/v1beta1/authz";
import { SendAuthorization } from "cosmjs-types/cosmos/bank/v1beta1/authz";
import { addCoins } from "../registry-kit/coins";
import { authorizationMsgType, decodeDepositGrant, encodeDepositGrant, validateAuthorization } from "./authorizations";
import { DepositAuthorization, DepositAuthorization_Scope } from "./deposit-authorization";
import { failureOf } from "../registry-kit/testing";

const deposit = (fields: Partial<Parameters<typeof DepositAuthorization.encode>[0]>) => ({
  typeUrl: DepositAuthorization.typeUrl,
  value: DepositAuthorization.encode({ scopes: [DepositAuthorization_Scope.deployment], spendLimits: [{ denom: "uact", amount: "5" }], ...fields }).finish(),
});

describe("authz authorizations", () => {
  it("knows which message each authorization covers", () => {
    expect(authorizationMsgType(deposit({}))).to.equal("/akash.escrow.v1.MsgAccountDeposit");
    expect(authorizationMsgType({ typeUrl: GenericAuthorization.typeUrl, value: GenericAuthorization.encode({ msg: "/x.Msg" }).finish() })).to.equal("/x.Msg");
    expect(failureOf(() => authorizationMsgType({ typeUrl: "/x.Unknown", value: new Uint8Array() }))).to.equal("sdk/2: unable to resolve type URL /x.Unknown: tx parse error");
  });

  it("validates DepositAuthorization like v2.1", () => {
    expect(failureOf(() => validateAuthorization(deposit({})))).to.equal("ok");
    expect(failureOf(() => validateAuthorization(deposit({ scopes: [] })))).to.equal("escrow/17: empty scope: invalid authz scope");
    expect(failureOf(() => validateAuthorization(deposit({ scopes: [1, 1] })))).to.equal('escrow/17: duplicate scope "deployment": invalid authz scope');
    expect(failureOf(() => validateAuthorization(deposit({ spendLimit: { denom: "uact", amount: "1" } })))).to.equal(
      "sdk/10: spend limit is deprecated and must be zero: invalid coins",
    );
    expect(failureOf(() => validateAuthorization(deposit({ spendLimits: [{ denom: "uakt", amount: "1" }, { denom: "uact", amount: "1" }] })))).to.match(/spend limits are not valid/);
  });

  it("validates SendAuthorization spend limits", () => {
    const send = (spendLimit: Array<{ denom: string; amount: string }>) => ({ typeUrl: SendAuthorization.typeUrl, value: SendAuthorization.encode({ spendLimit, allowList: [] }).finish() });
    expect(failureOf(() => validateAuthorization(send([])))).to.match(/spend limit cannot be nil/);
    expect(failureOf(() => validateAuthorization(send([{ denom: "uakt", amount: "0" }])))).to.match(/must be positive/);
  });

  it("decodes and re-encodes deposit grants with Coins arithmetic", () => {
    expect(decodeDepositGrant(deposit({}))).to.deep.equal({ scopes: ["deployment"], spendLimits: [{ denom: "uact", amount: "5" }] });
    const reencoded = encodeDepositGrant({ scopes: ["bid"], spendLimits: [{ denom: "uact", amount: "2" }] });
    expect(decodeDepositGrant(reencoded)).to.deep.equal({ scopes: ["bid"], spendLimits: [{ denom: "uact", amount: "2" }] });
    expect(addCoins([{ denom: "uakt", amount: "1" }], [{ denom: "uact", amount: "2" }, { denom: "uakt", amount: "-1" }])).to.deep.equal([{ denom: "uact", amount: "2" }]);
  });
});
