import { expect } from "chai";
import { GoUrlError, parseGoUrl } from "./go-url";

describe("registry-kit Go url.Parse", () => {
  it("splits scheme, host and path like Go", () => {
    expect(parseGoUrl("https://provider.example.com:8443")).to.deep.equal({ scheme: "https", opaque: "", host: "provider.example.com:8443", path: "" });
    expect(parseGoUrl("HTTPS://h/x?y#z")).to.deep.include({ scheme: "https", host: "h", path: "/x" });
    expect(parseGoUrl("https:opaque")).to.deep.include({ scheme: "https", opaque: "opaque", host: "" });
    expect(parseGoUrl("provider.example.com")).to.deep.include({ scheme: "", host: "", path: "provider.example.com" });
    expect(parseGoUrl("https://[::1]:443")).to.deep.include({ host: "[::1]:443" });
  });

  it("fails where Go fails", () => {
    for (const bad of ["://x", "https://host:port", "https://ho st", "1a:b", "https://h/%zz", "https://h\n"]) {
      expect(() => parseGoUrl(bad), bad).to.throw(GoUrlError);
    }
  });
});
