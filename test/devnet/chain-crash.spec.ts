/**
 * Crash safety: a devnet process killed with SIGKILL keeps every block it committed; restarted on the
 * same data directory it serves the same accounts, balances and txs, and goes on producing blocks.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { expect } from "chai";
import { demoMnemonic } from "../../devnet/src/config";
import { connectClient } from "../../devnet/src/testing";

/** Starts a devnet in a child process and resolves with its RPC URL once it serves. */
function startChild(dataDir: string): Promise<{ child: ChildProcess; rpcUrl: string }> {
  const testing = path.resolve(__dirname, "../../devnet/src/testing");
  const code = `require(${JSON.stringify(testing)}).startTestDevnet({ providers: false, restPort: false, dataDir: ${JSON.stringify(dataDir)} }).then((d) => console.log("RPC " + d.rpcUrl))`;
  const child = spawn(process.execPath, ["-e", code], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /RPC (\S+)/.exec(out);
      if (match) resolve({ child, rpcUrl: match[1] });
    });
    child.once("exit", (code) => reject(new Error(`devnet child exited early with ${code}`)));
  });
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners("exit");
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

describe("devnet chain core crash safety", function () {
  this.timeout(60_000);

  it("loses no committed block when the process is killed", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "akash-devnet-crash-"));
    const wallet = await DirectSecp256k1HdWallet.fromMnemonic(demoMnemonic, { prefix: "akash" });
    const [{ address: demo }] = await wallet.getAccounts();
    const recipient = (await (await DirectSecp256k1HdWallet.generate(12, { prefix: "akash" })).getAccounts())[0].address;
    const fee = { amount: [{ denom: "uakt", amount: "5000" }], gas: "200000" };
    try {
      const first = await startChild(dataDir);
      const client = await connectClient({ rpcUrl: first.rpcUrl }, wallet);
      const sent = [];
      for (let i = 1; i <= 3; i++) sent.push(await client.sendTokens(demo, recipient, [{ denom: "uakt", amount: String(i * 100) }], fee));
      const height = await client.getHeight();
      client.disconnect();
      await kill(first.child);

      const second = await startChild(dataDir);
      const again = await connectClient({ rpcUrl: second.rpcUrl }, wallet);
      try {
        expect((await again.getBalance(recipient, "uakt")).amount).to.equal("600");
        expect((await again.getAccount(demo))?.sequence).to.equal(3);
        for (const res of sent) expect((await again.getTx(res.transactionHash))?.height).to.equal(res.height);
        expect(await again.getHeight()).to.be.greaterThanOrEqual(height);
        const more = await again.sendTokens(demo, recipient, [{ denom: "uakt", amount: "1" }], fee);
        expect(more.height).to.be.greaterThan(height);
      } finally {
        again.disconnect();
        await kill(second.child);
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
