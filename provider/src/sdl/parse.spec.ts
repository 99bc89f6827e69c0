import { expect } from "chai";
import { GoScalar, parseYaml, type YamlMap } from "./parse";

const root = (text: string) => parseYaml(text).root as YamlMap;

describe("sdl/parse", () => {
  it("keeps raw scalar text and whether it was quoted", () => {
    const r = root('a: 1.0\nb: "1.0"\nc: |\n  x\nd: yes\n');
    expect(r.a).to.deep.equal(new GoScalar("1.0", false));
    expect(r.b).to.deep.equal(new GoScalar("1.0", true));
    expect(r.c).to.deep.equal(new GoScalar("x\n", true));
    expect(r.d).to.deep.equal(new GoScalar("yes", false));
  });

  it("turns YAML nulls into undefined but keeps a quoted 'null'", () => {
    const r = root('a:\nb: ~\nc: null\nd: "null"\n');
    expect([r.a, r.b, r.c]).to.deep.equal([undefined, undefined, undefined]);
    expect("a" in r).to.equal(true);
    expect(r.d).to.deep.equal(new GoScalar("null", true));
  });

  it("resolves merge keys (explicit keys win, first merged map wins) and aliases", () => {
    const r = root("x: &x {p: 1, q: 2}\ny: &y {q: 3, s: 4}\nz:\n  <<: [*x, *y]\n  p: 9\nw: *x\n");
    const z = r.z as YamlMap;
    expect((z.p as GoScalar).value).to.equal("9");
    expect((z.q as GoScalar).value).to.equal("2");
    expect((z.s as GoScalar).value).to.equal("4");
    expect(((r.w as YamlMap).p as GoScalar).value).to.equal("1");
  });

  it("records line and column of keys", () => {
    const p = parseYaml("services:\n  web:\n    image: nginx\n");
    expect(p.locate(["services", "web", "image"])).to.deep.equal({ line: 3, column: 5 });
    expect(parseYaml("a: [x, y]\n").locate(["a", 1])).to.deep.equal({ line: 1, column: 8 });
  });

  it("reports a duplicate key with the path of its mapping, the key and the line of its first definition", () => {
    const p = parseYaml("services:\n  web:\n    image: nginx\n    image: redis\n");
    expect(p.issues).to.deep.equal([
      {
        path: "services.web",
        line: 4,
        column: 5,
        message: 'mapping key "image" already defined at line 3',
        fix: "keep one image: in services.web (delete or rename the other)",
      },
    ]);
    expect(parseYaml("a: 1\na: 2\n").issues[0]).to.include({ path: "", line: 2, message: 'mapping key "a" already defined at line 1' });
  });

  it("reports other syntax errors with their position and the SDL path they are under", () => {
    expect(parseYaml("a: [1, 2\n").issues[0]!.message).to.match(/YAML syntax error/);
    const p = parseYaml("services:\n  web:\n    expose:\n      - port: 80\n        to: [global: true\n");
    expect(p.issues[0]!.path).to.match(/^services\.web\.expose\[0\]\.to\b/);
    expect(p.issues[0]!.fix).to.be.a("string").that.is.not.empty;
  });

  it("reads an under-indented quoted continuation line leniently (as libyaml does), with a warning", () => {
    const p = parseYaml("s:\n  a:\n    - 'one\n    two'\n");
    expect(p.issues).to.deep.equal([]);
    expect((((p.root as YamlMap).s as YamlMap).a as GoScalar[])[0]!.value).to.equal("one two");
    expect(p.warnings[0]).to.match(/not strictly valid/);
  });
});
