import { expect } from "chai";
import { formatIssue, formatPath, IssueList, SdlError } from "./errors";

describe("sdl/errors", () => {
  it("formats paths with dots, indexes and quoted odd keys", () => {
    expect(formatPath(["services", "web", "expose", 0, "accept", 1])).to.equal("services.web.expose[0].accept[1]");
    expect(formatPath(["profiles", "placement", "dc", "attributes", "host.name"])).to.equal('profiles.placement.dc.attributes["host.name"]');
    expect(formatPath([])).to.equal("");
  });

  it("formats an issue as file:line:col path: message (fix)", () => {
    const text = formatIssue({ file: "a.yaml", line: 3, column: 5, path: "services.web.image", message: "empty", fix: "set it" });
    expect(text).to.equal("a.yaml:3:5 services.web.image: empty (set it)");
    expect(formatIssue({ path: "version", message: "no version found" })).to.equal("<sdl> version: no version found");
  });

  it("locates an issue at its nearest located ancestor and lists all issues in the error", () => {
    const list = new IssueList((path) => (formatPath(path) === "services.web" ? { line: 4, column: 3 } : undefined), "f.yaml");
    list.add(["services", "web", "expose", 2, "port"], "bad port", "fix it");
    list.add(["deployment"], "nothing deployed");
    expect(list.issues[0]).to.include({ line: 4, column: 3, file: "f.yaml", path: "services.web.expose[2].port" });
    expect(list.issues[1]!.line).to.equal(undefined);
    const err = new SdlError(list.issues);
    expect(err.message).to.match(/2 problems/).and.match(/bad port/).and.match(/nothing deployed/);
  });
});
