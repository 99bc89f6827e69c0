import { expect } from "chai";
import { dynamicInputs, isSecret, makeUrn, plain, serializeProvider, startProviderServer, UNKNOWN } from "../../../test/harness";
import { containsUnknowns, isUnknown, secretOutput } from "./wire";
import { loadModule, moduleRef } from "./hook-module";

const WIRE = moduleRef(require.resolve("./wire"));

// check derives `hint` from the secret `password` and unknown-tests `value` with the helpers under test.
const deriving = {
  async check(_olds: Record<string, unknown>, news: Record<string, unknown>) {
    const wire = loadModule<typeof import("./wire")>(WIRE);
    const hint = String(news.password).slice(0, 2);
    return { inputs: { ...news, hint: wire.secretOutput(hint), valueUnknown: wire.containsUnknowns(news.value) } };
  },
  async create(): Promise<never> {
    throw new Error("not used");
  },
};

describe("resources/wire", function () {
  this.timeout(60_000);

  it("recognizes unknowns at any depth", () => {
    const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    expect(isUnknown(unknown)).to.equal(true);
    expect(containsUnknowns({ a: [1, { b: unknown }] })).to.equal(true);
    expect(containsUnknowns({ a: [1, { b: "x" }] })).to.equal(false);
  });

  it("lets check return a derived secret and see preview unknowns, through the real plugin", async () => {
    const server = await startProviderServer();
    try {
      await server.configure({});
      const provider = await serializeProvider(deriving);
      const { inputs } = await server.check(
        makeUrn("pulumi-nodejs:dynamic/akash:Wire", "w"),
        {},
        dynamicInputs(provider, { password: "hunter2", value: { nested: UNKNOWN } }),
        { preview: true },
      );
      expect(isSecret(inputs.hint)).to.equal(true);
      expect(plain(inputs.hint)).to.equal("hu");
      expect(inputs.valueUnknown).to.equal(true);
      expect(secretOutput(1)).to.have.property("value", 1);
    } finally {
      await server.stop();
    }
  });
});
