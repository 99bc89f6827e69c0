import { expect } from "chai";
import { z } from "zod";
import { GoScalar } from "./parse";
import { list, map, pointer, str, struct, textField, uint32, unexpected } from "./fields";

const s = (v: string) => new GoScalar(v, false);

describe("sdl/fields (yaml.v3 struct decoding in zod)", () => {
  const shape = { name: str(), port: uint32(), tags: list(str()), extra: pointer({ a: str() }) };

  it("decodes a Go struct: null/absent is the zero value, unknown keys ignored", () => {
    const zero = struct(shape).parse(undefined);
    expect([zero.name, zero.port, zero.tags, zero.extra]).to.deep.equal(["", 0, undefined, undefined]);
    const full = struct(shape).parse({ name: s("x"), port: s("8"), tags: [s("a"), undefined], other: s("y") });
    expect(full).to.deep.equal({ name: "x", port: 8, tags: ["a", ""] });
  });

  it("reports type mismatches with a fix hint and the field path", () => {
    const r = struct({ port: uint32("use a port") }).safeParse({ port: [s("1")] });
    expect(r.success).to.equal(false);
    expect(r.error!.issues[0]).to.deep.include({ path: ["port"], params: { fix: "use a port" } });
    // yaml.v3: "cannot unmarshal !!str into struct" (zod alone would take the scalar object as a mapping).
    expect(struct(shape).safeParse(s("scalar")).error!.issues[0]!.message).to.equal("must be a mapping (key: value pairs)");
    expect(pointer({ a: str() }).safeParse(s("x")).success).to.equal(false);
    expect(map(str()).safeParse(s("x")).success).to.equal(false);
  });

  it("decodes maps (absent = empty) and custom text decoders (null keeps the fallback)", () => {
    expect(map(str()).parse(undefined)).to.deep.equal({});
    const twice = textField((t) => ({ ok: true, value: t + t }), "none", "write text");
    expect(z.object({ a: twice, b: twice }).parse({ a: s("x") })).to.deep.equal({ a: "xx", b: "none" });
  });

  it("rejects keys that Go's custom decoders reject", () => {
    const strict = z.object({ a: str() }).catchall(unexpected("only a", "remove it"));
    expect(strict.safeParse({ a: s("1"), b: s("2") }).error!.issues[0]).to.deep.include({ path: ["b"], message: "unexpected field: only a" });
  });
});
