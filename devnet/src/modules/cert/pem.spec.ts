import { expect } from "chai";
import { pemDecode } from "./pem";

const block = (type: string, body = "AQID") => `-----BEGIN ${type}-----\r\n${body}\r\n-----END ${type}-----\r\n`;

describe("cert PEM decoding", () => {
  it("returns the first block and what follows it", () => {
    const decoded = pemDecode(`junk\n${block("CERTIFICATE")}${block("X")}`)!;
    expect(decoded.type).to.equal("CERTIFICATE");
    expect([...decoded.bytes]).to.deep.equal([1, 2, 3]);
    expect(decoded.rest).to.equal(block("X"));
    expect(pemDecode(block("EC PUBLIC KEY"))!.rest).to.equal("");
  });

  it("finds no block in malformed input", () => {
    expect(pemDecode("no pem here")).to.equal(undefined);
    expect(pemDecode(block("CERTIFICATE", "!!notbase64!!"))).to.equal(undefined);
    expect(pemDecode("-----BEGIN CERTIFICATE-----\nAQID\n")).to.equal(undefined);
  });
});
