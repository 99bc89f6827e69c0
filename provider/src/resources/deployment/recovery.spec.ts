import { expect } from "chai";
import { TxQueue, type TxBackend } from "../../chain/txQueue";
import { KEY_SPACE, keyDigits, keyedDseq } from "./recovery";

// reserveDseq never touches the backend.
const queue = () => new TxQueue({} as TxBackend);

describe("deployment/recovery", () => {
  it("derives stable key digits below 10^6 that differ between resources", () => {
    const a = keyDigits("proj/dev/web");
    expect(keyDigits("proj/dev/web")).to.equal(a);
    expect(a < KEY_SPACE && a >= 0n).to.equal(true);
    expect(keyDigits("proj/dev/web-2")).to.not.equal(a);
    expect(keyDigits("proj/prod/web")).to.not.equal(a);
  });

  it("builds dseq = height * 10^6 + key digits, keeping the digits when the height's dseq is taken", () => {
    const q = queue();
    const digits = keyDigits("proj/dev/web");
    const first = keyedDseq(q, 500, "proj/dev/web");
    expect(BigInt(first)).to.equal(500n * KEY_SPACE + digits);
    // the same resource key again in the same block (a replacement) still carries its digits, one step on
    const second = keyedDseq(q, 500, "proj/dev/web");
    expect(BigInt(second) % KEY_SPACE).to.equal(digits);
    expect(BigInt(second) > BigInt(first)).to.equal(true);
    // a plain reserveDseq later never collides with either
    expect(BigInt(q.reserveDseq(500)) > BigInt(second)).to.equal(true);
  });

});
