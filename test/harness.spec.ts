// Proves the harness drives @pulumi/pulumi's real dynamic-provider plugin the way the engine does,
// using a tiny echo provider defined here.
import { expect } from "chai";
import type * as pulumi from "@pulumi/pulumi";
import {
  ProviderError,
  UNKNOWN,
  destroy,
  dynamicInputs,
  isSecret,
  leakedSecrets,
  makeUrn,
  plain,
  refresh,
  secret,
  serializeProvider,
  startProviderServer,
  up,
  type ProviderServer,
  type SerializedProvider,
} from "./harness";

const MNEMONIC = "harness test mnemonic never printed never stored never serialized at all please twelve";
const UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

interface EchoProvider extends pulumi.dynamic.ResourceProvider {
  network?: string;
  mnemonicWords?: number;
  configureCalls?: number;
  nextId?: number;
}

// Everything a hook needs is inside the hook or on `this`; nothing is captured but plain values.
const echoProvider: EchoProvider = {
  async configure(req) {
    this.configureCalls = (this.configureCalls ?? 0) + 1;
    this.network = req.config.get("akash:network");
    this.mnemonicWords = (req.config.get("akash:mnemonic") ?? "").split(" ").length;
  },
  async check(olds, news) {
    if (news.shout) console.error(news.shout);
    if (news.throwIn === "check") throw new Error("check exploded: value must be short");
    if (news.value === "") return { failures: [{ property: "value", reason: "must not be empty" }] };
    return { inputs: { ...news, sawUnknown: news.value === "04da6b54-80e4-46f7-96ec-b56ff0331ba9" } };
  },
  async diff(id, olds, news) {
    if (news.diffSeesOlds) return { changes: "network" in olds && "__provider" in olds };
    const replaces = olds.replaceKey === news.replaceKey ? [] : ["replaceKey"];
    return { changes: olds.value !== news.value || replaces.length > 0, replaces };
  },
  async create(inputs) {
    console.log(`echo create ${inputs.value}`);
    const id = `echo-${(this.nextId = (this.nextId ?? 0) + 1)}`;
    if (inputs.throwIn === "create") throw new Error(`create exploded for ${inputs.value}`);
    if (inputs.throwIn === "init-bare") throw Object.assign(new Error("not ready"), { id, properties: { ready: false } });
    if (inputs.throwIn === "no-id") return { id: "", outs: inputs };
    if (inputs.throwIn === "undefined-out") return { id, outs: { ...inputs, missing: undefined } };
    if (inputs.throwIn === "init") {
      // Created but not initialized: the engine records `id` + `properties` and reports `reasons`.
      throw Object.assign(new Error("not ready"), {
        id,
        properties: { ...inputs, ready: false },
        reasons: [`echo ${id} created but never became ready`],
      });
    }
    return {
      id,
      outs: {
        ...inputs,
        network: this.network,
        mnemonicWords: this.mnemonicWords,
        configureCalls: this.configureCalls,
        passwordLength: typeof inputs.password === "string" ? inputs.password.length : 0,
        // A provider-made secret: the wire form of a secret, which the engine unmarshals as one.
        token: { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: `token-${id}` },
      },
    };
  },
  async read(id, props) {
    if (props?.gone) return {};
    return { id, props: { ...props, refreshed: true } };
  },
  async update(id, olds, news) {
    console.log(`echo update ${id} ${olds.value} -> ${news.value}`);
    return { outs: { ...olds, ...news, updated: true } };
  },
  async delete(id) {
    console.log(`echo delete ${id}`);
  },
};

describe("harness: real dynamic-provider plugin over gRPC", function () {
  this.timeout(60_000);
  let server: ProviderServer;
  let provider: SerializedProvider;
  const urn = (name: string) => makeUrn("pulumi-nodejs:dynamic/akash:Echo", name);

  before(async () => {
    provider = await serializeProvider(echoProvider);
    server = await startProviderServer({ env: { ...process.env, AKASH_MNEMONIC: "" } });
    const protocol = await server.configure({ "akash:network": "devnet", "akash:mnemonic": secret(MNEMONIC) });
    // What the Node.js dynamic provider host announces: it takes no secrets and has no preview support.
    expect(protocol).to.deep.equal({ acceptSecrets: false, supportsPreview: false });
  });
  after(async () => server?.stop());

  it("creates, diffs, updates, reads and deletes through the engine's steps", async () => {
    const created = await up(server, urn("a"), dynamicInputs(provider, { value: "one", replaceKey: "k" }));
    expect(created.op).to.equal("create");
    expect(created.state.id).to.match(/^echo-\d+$/);
    expect(plain(created.state.outputs)).to.include({ value: "one", network: "devnet", __provider: provider.text });

    const same = await up(server, urn("a"), dynamicInputs(provider, { value: "one", replaceKey: "k" }), created.state);
    expect(same.op).to.equal("same");

    const updated = await up(server, urn("a"), dynamicInputs(provider, { value: "two", replaceKey: "k" }), same.state);
    expect(updated.op).to.equal("update");
    expect(updated.state.id).to.equal(created.state.id);
    expect(plain(updated.state.outputs)).to.include({ value: "two", updated: true, network: "devnet" });

    const replaced = await up(server, urn("a"), dynamicInputs(provider, { value: "two", replaceKey: "k2" }), updated.state);
    expect(replaced.op).to.equal("replace");
    expect(replaced.state.id).to.not.equal(created.state.id);

    const refreshed = await refresh(server, replaced.state);
    expect(refreshed && plain(refreshed.outputs)).to.include({ refreshed: true, value: "two" });
    expect(await refresh(server, { ...replaced.state, outputs: { ...replaced.state.outputs, gone: true } })).to.equal(
      undefined,
    );

    await destroy(server, replaced.state);
    await server.waitForLog(`echo delete ${replaced.state.id}`);
    const lines = server.logs.map((l) => l.text);
    expect(lines).to.include.members([
      "echo create one",
      `echo update ${created.state.id} one -> two`,
      `echo delete ${created.state.id}`,
      `echo delete ${replaced.state.id}`,
    ]);
  });

  it("passes the akash:* stack config to configure, once, on the instance that runs the hooks", async () => {
    const a = await up(server, urn("cfg-a"), dynamicInputs(provider, { value: "x", replaceKey: "k" }));
    const b = await up(server, urn("cfg-b"), dynamicInputs(provider, { value: "y", replaceKey: "k" }));
    for (const { state } of [a, b]) {
      expect(plain(state.outputs)).to.include({ network: "devnet", mnemonicWords: MNEMONIC.split(" ").length });
      expect(plain(state.outputs)).to.include({ configureCalls: 1 });
    }
  });

  it("in preview sends unknowns to check/diff as the sentinel and never calls create or update", async () => {
    const logCount = server.logs.length;
    const planned = await up(server, urn("p"), dynamicInputs(provider, { value: UNKNOWN, replaceKey: "k" }), undefined, {
      preview: true,
    });
    expect(planned.op).to.equal("create");
    expect(planned.state.inputs.value).to.equal(UNKNOWN);
    expect(planned.state.inputs.sawUnknown).to.equal(true);
    // The engine hands the inputs back as outputs; the SDK shows every other declared output as unknown.
    expect(planned.state.outputs).to.deep.equal(planned.state.inputs);

    const real = await up(server, urn("p"), dynamicInputs(provider, { value: "known", replaceKey: "k" }));
    const change = await up(server, urn("p"), dynamicInputs(provider, { value: UNKNOWN, replaceKey: "k" }), real.state, {
      preview: true,
    });
    expect(change.op).to.equal("update");
    expect(change.state.outputs.value).to.equal(UNKNOWN);
    await server.waitForLog("echo create known");
    expect(server.logs.slice(logCount).map((l) => l.text)).to.deep.equal(["echo create known"]);
    expect(UNKNOWN_SENTINEL).to.equal(require("@pulumi/pulumi").runtime.unknownValue);
  });

  it("keeps a secret input secret in outputs, and supports provider-made and additional secret outputs", async () => {
    const { state } = await up(
      server,
      urn("s"),
      dynamicInputs(provider, { value: "v", replaceKey: "k", password: secret("hunter2-secret") }),
      undefined,
      { additionalSecretOutputs: ["passwordLength"] },
    );
    expect(isSecret(state.inputs.password)).to.equal(true);
    expect(isSecret(state.outputs.password)).to.equal(true);
    expect(plain(state.outputs.password)).to.equal("hunter2-secret");
    expect(isSecret(state.outputs.passwordLength)).to.equal(true);
    expect(isSecret(state.outputs.token)).to.equal(true);
    expect(isSecret(state.outputs.value)).to.equal(false);
  });

  it("surfaces thrown errors and check failures with their messages", async () => {
    const err = await up(server, urn("e1"), dynamicInputs(provider, { value: "v", throwIn: "check" })).catch((e) => e);
    expect(err).to.be.instanceOf(ProviderError);
    expect(err.message).to.equal("check exploded: value must be short");

    const failed = await up(server, urn("e2"), dynamicInputs(provider, { value: "" })).catch((e) => e);
    expect(failed.name).to.equal("CheckFailedError");
    expect(failed.failures).to.deep.equal([{ property: "value", reason: "must not be empty" }]);

    const createErr = await up(server, urn("e3"), dynamicInputs(provider, { value: "boom", throwIn: "create" })).catch(
      (e) => e,
    );
    expect(createErr.message).to.equal("create exploded for boom");
    expect(createErr.initFailure).to.equal(undefined);

    const noId = await up(server, urn("e4"), dynamicInputs(provider, { value: "v", throwIn: "no-id" })).catch((e) => e);
    expect(noId.message).to.equal(`plugin returned empty resource.ID from create '${urn("e4")}'`);
  });

  it("reports a partial failure with its id and state, which can then be deleted", async () => {
    const u = urn("init");
    const inputs = dynamicInputs(provider, { value: "half", throwIn: "init" });
    const err = await up(server, u, inputs).catch((e) => e);
    expect(err).to.be.instanceOf(ProviderError);
    expect(err.initFailure.id).to.match(/^echo-\d+$/);
    expect(err.message).to.equal(`echo ${err.initFailure.id} created but never became ready`);
    expect(plain(err.initFailure.properties)).to.include({ ready: false, __provider: provider.text });
    await destroy(server, { urn: u, id: err.initFailure.id, inputs, outputs: err.initFailure.properties });
    await server.waitForLog(`echo delete ${err.initFailure.id}`);
  });

  it("gives diff the old OUTPUTS (with __provider) as olds, not the old inputs", async () => {
    const created = await up(server, urn("d"), dynamicInputs(provider, { value: "v", replaceKey: "k" }));
    const diff = await server.diff(created.state.id, urn("d"), {
      oldInputs: created.state.inputs,
      oldOutputs: created.state.outputs,
      news: dynamicInputs(provider, { value: "v", replaceKey: "k", diffSeesOlds: true }),
    });
    expect(diff.changes).to.equal("some");
  });

  it("rule: a partial failure without __provider in its properties leaves state that cannot be deleted", async () => {
    const u = urn("bare");
    const inputs = dynamicInputs(provider, { value: "bare", throwIn: "init-bare" });
    const err = await up(server, u, inputs).catch((e) => e);
    expect(err.message).to.equal("resource init failed");
    const deleteErr = await destroy(server, { urn: u, id: err.initFailure.id, inputs, outputs: err.initFailure.properties }).catch(
      (e) => e,
    );
    expect(deleteErr).to.be.instanceOf(ProviderError);
    expect(deleteErr.message).to.include("code must be a string");
  });

  it("rule: an undefined output value fails create AFTER the hook ran, so the resource is lost", async () => {
    const err = await up(server, urn("u"), dynamicInputs(provider, { value: "lost", throwIn: "undefined-out" })).catch(
      (e) => e,
    );
    expect(err.message).to.equal("Unexpected struct type.");
    expect(err.initFailure).to.equal(undefined);
    await server.waitForLog("echo create lost");
  });

  it("never lets the configured mnemonic reach the serialized provider or the plugin output", async () => {
    expect(provider.containsSecrets).to.equal(false);
    expect(leakedSecrets(provider.text, [MNEMONIC, ...MNEMONIC.split(" ").slice(0, 3).map((w) => ` ${w} `)])).to.deep.equal(
      [],
    );
    expect(await server.leakedInLogs([MNEMONIC])).to.deep.equal([]);
  });

  it("finds a secret the provider wrote to its output", async () => {
    await server.check(urn("shout"), {}, dynamicInputs(provider, { value: "v", shout: "canary-5b1e" }));
    expect(await server.leakedInLogs(["canary-5b1e", "not-written"])).to.deep.equal(["canary-5b1e"]);
  });
});
