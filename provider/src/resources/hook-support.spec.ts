import { expect } from "chai";
import { z } from "zod";
import { checkInputs, InitError, isAtUnknown, userInputs, withoutUnknowns } from "./hook-support";

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const schema = z
  .object({ n: z.number({ error: "n must be a number" }).default(3), s: z.string({ error: "s must be text" }) })
  .strict();

describe("hook-support checkInputs", () => {
  it("returns the parsed inputs with defaults, without the host's __provider", () => {
    expect(checkInputs(schema, { s: "x", __provider: "p" })).to.deep.equal({ inputs: { n: 3, s: "x" } });
    expect(userInputs({ a: 1, __provider: "p" })).to.deep.equal({ a: 1 });
  });

  it("names each bad input and unknown keys", () => {
    expect(checkInputs(schema, { n: "three", s: 1 })).to.deep.equal({
      failures: [
        { property: "n", reason: "n must be a number" },
        { property: "s", reason: "s must be text" },
      ],
    });
    const typo = checkInputs(schema, { s: "x", nn: 1 });
    expect(typo.failures?.[0]).to.deep.include({ property: "nn" });
    expect(typo.failures?.[0].reason).to.include("inputs: n, s");
  });

  it("does not judge unknown inputs in preview, but still the known ones", () => {
    expect(checkInputs(schema, { n: UNKNOWN, s: "x" })).to.deep.equal({ inputs: { n: UNKNOWN, s: "x" } });
    expect(checkInputs(schema, { n: UNKNOWN, s: 1 })).to.deep.equal({ failures: [{ property: "s", reason: "s must be text" }] });
  });

  it("builds the engine's partial-failure shape", () => {
    const error = new InitError("id-1", { a: 1 }, ["half done", "run up again"]);
    expect(error).to.include({ id: "id-1", message: "half done; run up again" });
    expect(error.properties).to.deep.equal({ a: 1 });
    expect(error.reasons).to.deep.equal(["half done", "run up again"]);
  });
});

describe("hook-support withoutUnknowns", () => {
  it("leaves out every unknown, an array holding one whole, and names where they were", () => {
    const { known, unknownPaths } = withoutUnknowns({
      sdl: "text",
      secretEnv: UNKNOWN,
      bidPolicy: { maxPricePerMonthUsd: UNKNOWN, minBids: 2, regions: ["us-west", UNKNOWN], strategy: { weighted: { price: UNKNOWN } } },
    });
    expect(known).to.deep.equal({ sdl: "text", bidPolicy: { minBids: 2, strategy: { weighted: {} } } });
    expect(unknownPaths).to.deep.equal(["secretEnv", "bidPolicy.maxPricePerMonthUsd", "bidPolicy.regions", "bidPolicy.strategy.weighted.price"]);
    expect(isAtUnknown("secretEnv.web.KEY", unknownPaths)).to.equal(true);
    expect(isAtUnknown("bidPolicy", unknownPaths)).to.equal(false);
    expect(isAtUnknown("secretEnvelope", unknownPaths)).to.equal(false);
  });
});
