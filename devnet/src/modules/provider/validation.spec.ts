import { expect } from "chai";
import { validateAttributes, validateHostUri, validateInfo, validateProviderMsg } from "./validation";
import { failureOf } from "../registry-kit/testing";

const owner = "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63";

describe("provider validation", () => {
  it("accepts absolute https host URIs without a path", () => {
    for (const ok of ["https://provider.example.com:8443", "https://127.0.0.1:8443", "https://p.example.com?x=1"]) {
      expect(failureOf(() => validateHostUri(ok)), ok).to.equal("ok");
    }
  });

  it("refuses other host URIs with the node's codes and messages", () => {
    expect(failureOf(() => validateHostUri("provider.example.com"))).to.equal(
      'provider/2: validating "provider.example.com" for absolute URI: invalid provider: not absolute host uri',
    );
    expect(failureOf(() => validateHostUri("http://p.example.com"))).to.equal('provider/1: scheme in "http://p.example.com" should be https: invalid provider: invalid host uri');
    expect(failureOf(() => validateHostUri("https://p.example.com/"))).to.match(/^provider\/1: path in/);
    expect(failureOf(() => validateHostUri("https://"))).to.match(/^provider\/1: validating "https:\/\/" for valid host/);
    expect(failureOf(() => validateHostUri("https://h:x"))).to.equal("provider/1: invalid provider: invalid host uri");
  });

  it("checks attribute keys against the provider regex and for duplicates", () => {
    expect(failureOf(() => validateAttributes([{ key: "capabilities/gpu/vendor/nvidia/model/a100", value: "true" }]))).to.equal("ok");
    expect(failureOf(() => validateAttributes([{ key: "r", value: "x" }]))).to.equal("akash/2: attribute key does not match regexp");
    expect(failureOf(() => validateAttributes([{ key: "region*", value: "x" }]))).to.equal("akash/2: attribute key does not match regexp");
    expect(failureOf(() => validateAttributes([{ key: "ab", value: "1" }, { key: "ab", value: "2" }]))).to.equal("akash/1: attributes cannot have duplicate keys");
  });

  it("validates the website and the owner in message order", () => {
    expect(failureOf(() => validateInfo({ email: "", website: "://bad" }))).to.equal("provider/8: invalid provider: invalid info website");
    expect(failureOf(() => validateProviderMsg({ owner: "bad", hostUri: "bad", attributes: [] }, "MsgCreate"))).to.match(/^provider\/2/);
    expect(failureOf(() => validateProviderMsg({ owner: "bad", hostUri: "https://h", attributes: [] }, "MsgUpdate"))).to.equal(
      "sdk/7: MsgUpdate: Invalid Provider Address: invalid address",
    );
    expect(failureOf(() => validateProviderMsg({ owner, hostUri: "https://h", attributes: [], info: { email: "a", website: "https://w" } }, "MsgCreate"))).to.equal("ok");
  });
});
