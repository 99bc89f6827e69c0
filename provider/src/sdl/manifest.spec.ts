import { expect } from "chai";
import { manifestService } from "./manifest";
import type { Service } from "./schema";

const base: Service = {
  image: "nginx",
  command: undefined,
  args: [],
  env: ["A=1"],
  expose: undefined,
  params: undefined,
  credentials: { host: " registry.example.com ", email: " me@example.com ", username: "u", password: " secret " },
};
const resources = { id: 1, endpoints: [] };

describe("sdl/manifest", () => {
  it("writes nil lists as null and keeps empty ones", () => {
    const s = manifestService("web", base, resources, 1, [], "2.0");
    expect([s.command, s.args, s.env]).to.deep.equal([null, [], ["A=1"]]);
    expect("params" in s).to.equal(false);
  });

  it("drops the credentials email in v2.0 and trims all credentials in v2.1 (Go groupBuilder)", () => {
    expect(manifestService("web", base, resources, 1, [], "2.0").credentials).to.deep.equal({
      host: " registry.example.com ",
      email: "",
      username: "u",
      password: " secret ",
    });
    expect(manifestService("web", base, resources, 1, [], "2.1").credentials).to.deep.equal({
      host: "registry.example.com",
      email: "me@example.com",
      username: "u",
      password: "secret",
    });
  });

  it("writes params: storage sorted by name or null, permissions and tee", () => {
    const withParams = (params: Service["params"]) => manifestService("web", { ...base, params }, resources, 1, [], "2.1").params;
    expect(withParams({ storage: undefined, permissions: undefined, tee: "" })).to.deep.equal({ storage: null });
    expect(
      withParams({
        storage: { z: { mount: "/z", readOnly: false }, a: { mount: "/a", readOnly: true } },
        permissions: { read: ["logs"] },
        tee: "cpu",
      }),
    ).to.deep.equal({
      storage: [
        { name: "a", mount: "/a", readOnly: true },
        { name: "z", mount: "/z", readOnly: false },
      ],
      permissions: { read: ["logs"] },
      tee: { type: "cpu", attestation: true },
    });
    expect(withParams({ storage: {}, permissions: { read: undefined }, tee: "" })).to.deep.equal({ storage: null, permissions: {} });
  });
});
