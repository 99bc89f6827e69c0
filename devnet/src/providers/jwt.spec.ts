import { expect } from "chai";
import { JwtTokenManager } from "@akashnetwork/chain-sdk";
import { Secp256k1HdWallet, makeSignDoc, rawSecp256k1PubkeyToRawAddress, serializeSignDoc } from "@cosmjs/amino";
import { Secp256k1, sha256 } from "@cosmjs/crypto";
import { toBase64, toBech32, toUtf8 } from "@cosmjs/encoding";
import { deterministicMnemonic } from "./config";
import { HttpError } from "./http-error";
import { authorize, authorizeForProvider, cachingJwtVerifier, verifyJwt, type Claims } from "./jwt";

const PROVIDER = "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63";
const now = () => Math.floor(Date.now() / 1000);
const b64url = (data: string | Uint8Array) => Buffer.from(data).toString("base64url");

/** A token with any payload (including expired ones JwtTokenManager refuses to make), signed like chain-sdk does. */
async function handMadeToken(privkey: Uint8Array, iss: string, payload: Record<string, unknown>, alg: "ES256K" | "ES256KADR36"): Promise<string> {
  const signingString = `${b64url(JSON.stringify({ alg, typ: "JWT" }))}.${b64url(JSON.stringify({ iss, ...payload }))}`;
  const message =
    alg === "ES256K"
      ? toUtf8(signingString)
      : serializeSignDoc(makeSignDoc([{ type: "sign/MsgSignData", value: { signer: iss, data: toBase64(toUtf8(signingString)) } }], { gas: "0", amount: [] }, "", "", 0, 0));
  const sig = await Secp256k1.createSignature(sha256(message), privkey);
  return `${signingString}.${b64url(new Uint8Array([...sig.r(32), ...sig.s(32)]))}`;
}

async function expectRefusal(promise: Promise<unknown>, status: number, message: string): Promise<void> {
  try {
    await promise;
  } catch (e) {
    expect(e).to.be.instanceOf(HttpError);
    expect({ status: (e as HttpError).status, message: (e as HttpError).message }).to.deep.equal({ status, message });
    return;
  }
  expect.fail("expected the token to be refused");
}

describe("providers/jwt", () => {
  let wallet: Secp256k1HdWallet;
  let address: string;
  let pubkey: Uint8Array;
  const privkey = sha256(toUtf8("jwt spec key"));
  let rawAddress: string;
  let rawPubkey: Uint8Array;
  const lookup = (known: Record<string, Uint8Array>) => async (a: string) => known[a];

  before(async () => {
    wallet = await Secp256k1HdWallet.fromMnemonic(deterministicMnemonic("jwt spec tenant"), { prefix: "akash" });
    [{ address, pubkey }] = await wallet.getAccounts();
    rawPubkey = Secp256k1.compressPubkey((await Secp256k1.makeKeypair(privkey)).pubkey);
    rawAddress = toBech32("akash", rawSecp256k1PubkeyToRawAddress(rawPubkey));
  });

  it("accepts a token from chain-sdk's JwtTokenManager (ES256KADR36) verified with the on-chain key", async () => {
    const token = await new JwtTokenManager(wallet).generateToken({ version: "v1", iss: address, leases: { access: "scoped", scope: ["send-manifest", "status"] } });
    const claims = await verifyJwt(token, lookup({ [address]: pubkey }));
    expect(claims.iss).to.equal(address);
    expect(claims.leases).to.deep.equal({ access: "scoped", scope: ["send-manifest", "status"] });
  });

  it("accepts ES256K (raw signing string) tokens", async () => {
    const token = await handMadeToken(privkey, rawAddress, { iat: now(), nbf: now(), exp: now() + 60, version: "v1", leases: { access: "full" } }, "ES256K");
    expect((await verifyJwt(token, lookup({ [rawAddress]: rawPubkey }))).leases.access).to.equal("full");
  });

  it("refuses a token whose issuer has no on-chain key, or signed by another key", async () => {
    const token = await new JwtTokenManager(wallet).generateToken({ version: "v1", iss: address });
    await expectRefusal(verifyJwt(token, lookup({})), 401, "JWT is invalid");
    await expectRefusal(verifyJwt(token, lookup({ [address]: rawPubkey })), 401, "JWT is invalid");
    const [h, p, s] = token.split(".");
    const tampered = `${h}.${b64url(JSON.stringify({ ...JSON.parse(Buffer.from(p, "base64url").toString()), exp: now() + 999999 }))}.${s}`;
    await expectRefusal(verifyJwt(tampered, lookup({ [address]: pubkey })), 401, "JWT is invalid");
    await expectRefusal(verifyJwt("abc.def", lookup({ [address]: pubkey })), 401, "JWT is invalid");
  });

  it("refuses an expired token like the provider: golang-jwt wraps expiry in 'invalid claims' (400)", async () => {
    const token = await handMadeToken(privkey, rawAddress, { iat: now() - 120, nbf: now() - 120, exp: now() - 60, version: "v1", leases: { access: "full" } }, "ES256KADR36");
    await expectRefusal(verifyJwt(token, lookup({ [rawAddress]: rawPubkey })), 400, "JWT has invalid claims");
  });

  it("verifies a token once when cached, yet still refuses it once it expires", async () => {
    let lookups = 0;
    const verify = cachingJwtVerifier(async (a) => (lookups++, a === rawAddress ? rawPubkey : undefined));
    const token = await handMadeToken(privkey, rawAddress, { iat: now(), nbf: now(), exp: now() + 60, version: "v1", leases: { access: "full" } }, "ES256K");
    expect((await verify(token)).iss).to.equal(rawAddress);
    expect((await verify(token)).iss).to.equal(rawAddress);
    expect(lookups).to.equal(1);
    await expectRefusal(verify(token, new Date((now() + 61) * 1000)), 400, "JWT has invalid claims");
    const forged = await handMadeToken(sha256(toUtf8("another key")), rawAddress, { iat: now(), nbf: now(), exp: now() + 60, version: "v1", leases: { access: "full" } }, "ES256K");
    await expectRefusal(verify(forged), 401, "JWT is invalid");
    await expectRefusal(verify(forged), 401, "JWT is invalid");
  });

  it("refuses claims the Akash schema forbids", async () => {
    const base = { iat: now(), nbf: now(), exp: now() + 60, version: "v1" };
    const cases: Array<Record<string, unknown>> = [
      { ...base, leases: { access: "scoped" } },
      { ...base, leases: { access: "full", scope: ["status"] } },
      { ...base, leases: { access: "scoped", scope: ["fly"] } },
      { ...base, version: "v2", leases: { access: "full" } },
      { iat: now(), nbf: now(), version: "v1", leases: { access: "full" } },
      { ...base, nbf: now() + 600, leases: { access: "full" } },
    ];
    for (const payload of cases) {
      const token = await handMadeToken(privkey, rawAddress, payload, "ES256K");
      await expectRefusal(verifyJwt(token, lookup({ [rawAddress]: rawPubkey })), 400, "JWT has invalid claims");
    }
  });

  it("authorizes by owner, provider and scope like chain-sdk Claims", () => {
    const target = { owner: address, dseq: 7n, provider: PROVIDER };
    const claims = (leases: Claims["leases"]): Claims => ({ iss: address, leases });
    expect(authorize(claims({ access: "full" }), target, "send-manifest")).to.equal(true);
    expect(authorize({ ...claims({ access: "full" }), iss: rawAddress }, target)).to.equal(false);
    expect(authorize(claims({ access: "scoped", scope: ["status"] }), target, "send-manifest")).to.equal(false);
    expect(authorize(claims({ access: "scoped", scope: ["status"] }), target, "status")).to.equal(true);
    const granular = claims({ access: "granular", permissions: [{ provider: PROVIDER, access: "granular", deployments: [{ dseq: 7, gseq: 1, scope: ["status"], services: ["web"] }] }] });
    expect(authorizeForProvider(granular, PROVIDER)).to.equal(true);
    expect(authorizeForProvider(granular, rawAddress)).to.equal(false);
    expect(authorize(granular, { ...target, gseq: 1, oseq: 1 }, "status")).to.equal(true);
    expect(authorize(granular, { ...target, gseq: 2, oseq: 1 }, "status")).to.equal(false);
    expect(authorize(granular, { ...target, dseq: 8n }, "status")).to.equal(false);
  });
});
