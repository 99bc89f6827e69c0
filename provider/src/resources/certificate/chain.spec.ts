import { expect } from "chai";
import { MsgCreateCertificate, MsgRevokeCertificate } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { ChainTxError } from "../../chain/errors";
import { isAlreadyRevoked, msgCreateCertificate, msgRevokeCertificate } from "./chain";

describe("cert messages", () => {
  it("sends the certificate and public key as the UTF-8 bytes of their PEM text", () => {
    const msg = msgCreateCertificate("akash1owner", "-----BEGIN CERTIFICATE-----\nAA\n", "-----BEGIN EC PUBLIC KEY-----\nBB\n");
    expect(msg.typeUrl).to.equal("/akash.cert.v1.MsgCreateCertificate");
    const decoded = MsgCreateCertificate.decode(MsgCreateCertificate.encode(msg.value).finish());
    expect(Buffer.from(decoded.cert).toString("utf8")).to.equal("-----BEGIN CERTIFICATE-----\nAA\n");
    expect(Buffer.from(decoded.pubkey).toString("utf8")).to.equal("-----BEGIN EC PUBLIC KEY-----\nBB\n");
  });

  it("revokes by owner and decimal serial", () => {
    const msg = msgRevokeCertificate("akash1owner", "255");
    expect(msg.typeUrl).to.equal("/akash.cert.v1.MsgRevokeCertificate");
    expect(MsgRevokeCertificate.decode(MsgRevokeCertificate.encode(msg.value).finish()).id).to.deep.equal({ owner: "akash1owner", serial: "255" });
  });

  it("treats not found and already revoked as done, nothing else", () => {
    expect(isAlreadyRevoked(new ChainTxError("cert", 4, "certificate already revoked", { stage: "simulate" }))).to.equal(true);
    expect(isAlreadyRevoked(new ChainTxError("cert", 1, "certificate not found", { stage: "deliver" }))).to.equal(true);
    expect(isAlreadyRevoked(new ChainTxError("sdk", 5, "insufficient funds", { stage: "simulate" }))).to.equal(false);
    expect(isAlreadyRevoked(new Error("certificate not found"))).to.equal(false);
  });
});
