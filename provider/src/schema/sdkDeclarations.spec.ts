import { expect } from "chai";
import { memberDocs, parseSdkSource } from "./sdkDeclarations";

const source = `
import * as pulumi from "@pulumi/pulumi";
export interface ThingArgs {
  /** The thing's size. */
  size: pulumi.Input<number>;
  label?: pulumi.Input<string>;
}
export class Thing extends pulumi.dynamic.Resource {
  /** Where it lives. */
  declare readonly address: pulumi.Output<string>;
  declare readonly label: pulumi.Output<string | undefined>;
  constructor(name: string, args: ThingArgs, opts: pulumi.CustomResourceOptions = {}) {
    super(provider, name, { ...args, address: undefined }, opts, "akash", "Thing");
  }
}
export class Bare extends pulumi.dynamic.Resource {
  constructor(name: string) { super(provider, name, {}, {}); }
}
export class NotAResource {}
`;

describe("schema/sdkDeclarations", () => {
  it("reads each dynamic resource class's args interface and declared outputs with their doc comments", () => {
    expect(parseSdkSource("thing.ts", source)).to.deep.equal({
      Thing: {
        file: "thing.ts",
        args: [
          { name: "size", optional: false, description: "The thing's size." },
          { name: "label", optional: true },
        ],
        outputs: [
          { name: "address", optional: false, description: "Where it lives." },
          { name: "label", optional: false },
        ],
      },
      Bare: { file: "thing.ts", args: [], outputs: [] },
    });
  });

  it("names the file when the args type is not an interface of the same file", () => {
    const bad = `export class X extends pulumi.dynamic.Resource { constructor(name: string, args: Other) { super(p, name, {}, {}); } }`;
    expect(() => parseSdkSource("x.ts", bad)).to.throw(/x\.ts: X's args type Other must be an interface/);
  });
});

describe("schema/sdkDeclarations memberDocs", () => {
  it("reads the doc comments of an interface's or a z.object const's members", () => {
    const text = `
      export interface LeaseOutput {
        /** uact per block */
        price: string;
        denom: string;
      }
      export const policySchema = z
        .object({
          /** Cap per month. */
          maxPrice: z.number().optional(),
          strategy: z.union([z.literal("cheapest"), z.object({ /** not this one */ weighted: z.number() })]),
        })
        .strict();`;
    expect(memberDocs("f.ts", text, "LeaseOutput")).to.deep.equal({ price: "uact per block" });
    expect(memberDocs("f.ts", text, "policySchema")).to.deep.equal({ maxPrice: "Cap per month." });
    expect(() => memberDocs("f.ts", text, "Missing")).to.throw(/f\.ts: no interface or const Missing/);
  });
});
