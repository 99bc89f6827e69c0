import { expect } from "chai";
import { accAddressBytes, addressFromKey, addressKey, isAccAddress } from "./address";

const address = "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63";

describe("registry-kit address", () => {
  it("parses akash addresses and round-trips the hex store key", () => {
    expect(accAddressBytes(address)).to.have.length(20);
    expect(addressKey(address)).to.match(/^[0-9a-f]{40}$/);
    expect(addressFromKey(addressKey(address))).to.equal(address);
  });

  it("refuses other input with the Go messages", () => {
    expect(() => accAddressBytes("")).to.throw("empty address string is not allowed");
    expect(() => accAddressBytes("cosmos1365yvmc4s7awdyj3n2sav7xfx76adc6dmf4jv8")).to.throw(/decoding bech32 failed|invalid Bech32 prefix/);
    expect(() => accAddressBytes("akash1notanaddress")).to.throw(/decoding bech32 failed/);
    expect(isAccAddress(address)).to.equal(true);
    expect(isAccAddress("akash1")).to.equal(false);
  });
});
