import { expect } from "chai";
import { CertificateManager } from "@akashnetwork/chain-sdk";
import { testChain } from "../registry-kit/testing";
import { createModule } from "./index";

const owner = "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63";

describe("cert messages", () => {
  it("validates in ValidateBasic, stores the PEM text, and revokes by decimal serial", async () => {
    const module = createModule();
    const chain = testChain([module]);
    const pem = await new CertificateManager().generatePEM(owner);
    const create = module.msgs.find((m) => m.typeUrl === "/akash.cert.v1.MsgCreateCertificate")!;
    const msg = { owner, cert: Buffer.from(pem.cert), pubkey: Buffer.from(pem.publicKey) };
    expect(create.signers(msg)).to.deep.equal([owner]);
    expect(() => create.validateBasic!({ ...msg, owner: "bad" })).to.throw("MsgCreateCertificate: Invalid Owner Address: invalid address");
    chain.deliver(create.typeUrl, msg);
    const res = chain.query<{ certificates: Array<{ serial: string }> }>("/akash.cert.v1.Query/Certificates", { filter: { owner } });
    const serial = res.certificates[0]!.serial;
    expect(() => chain.deliver("/akash.cert.v1.MsgRevokeCertificate", { id: { owner, serial: "x1" } })).to.throw().that.deep.includes({ codespace: "cert", code: 5 });
    chain.deliver("/akash.cert.v1.MsgRevokeCertificate", { id: { owner, serial } });
    expect((module.keeper as { get: Function }).get(chain.ctx, owner, serial)).to.deep.include({ state: "revoked", cert: pem.cert, pubkey: pem.publicKey });
  });
});
