/**
 * The parts of Go's `net/url.Parse` that Akash validation depends on (scheme, opaque, host, path and
 * which inputs are parse errors), so host URIs are accepted or refused exactly like the node does.
 */
export interface GoUrl {
  scheme: string;
  opaque: string;
  host: string;
  path: string;
}

export class GoUrlError extends Error {}

const isLetter = (c: string) => /[a-zA-Z]/.test(c);

function splitScheme(raw: string): [string, string] {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (isLetter(c)) continue;
    if (/[0-9+\-.]/.test(c)) {
      if (i === 0) return ["", raw];
      continue;
    }
    if (c === ":") {
      if (i === 0) throw new GoUrlError("missing protocol scheme");
      return [raw.slice(0, i), raw.slice(i + 1)];
    }
    return ["", raw];
  }
  return ["", raw];
}

function unescape(s: string, host: boolean): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === "%") {
      const hex = s.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw new GoUrlError(`invalid URL escape "${s.slice(i, i + 3)}"`);
      out += String.fromCharCode(parseInt(hex, 16));
      i += 2;
      continue;
    }
    // Go refuses ASCII characters that would need escaping in a host name.
    if (host && c.charCodeAt(0) < 0x80 && !/[a-zA-Z0-9\-_.~!$&'()*+,;=:\[\]<>"]/.test(c)) {
      throw new GoUrlError(`invalid character "${c}" in host name`);
    }
    out += c;
  }
  return out;
}

function parseHost(host: string): string {
  if (host.startsWith("[")) {
    const end = host.lastIndexOf("]");
    if (end < 0) throw new GoUrlError("missing ']' in host");
    const port = host.slice(end + 1);
    if (port !== "" && !/^:[0-9]*$/.test(port)) throw new GoUrlError(`invalid port "${port}" after host`);
    return unescape(host, true);
  }
  const colon = host.lastIndexOf(":");
  if (colon >= 0 && !/^:[0-9]*$/.test(host.slice(colon))) {
    throw new GoUrlError(`invalid port "${host.slice(colon)}" after host`);
  }
  return unescape(host, true);
}

/** Parses like Go's url.Parse; throws GoUrlError where Go returns an error. */
export function parseGoUrl(input: string): GoUrl {
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(input)) throw new GoUrlError("net/url: invalid control character in URL");
  const hash = input.indexOf("#");
  const raw = hash >= 0 ? input.slice(0, hash) : input;
  const [schemeRaw, afterScheme] = splitScheme(raw);
  const scheme = schemeRaw.toLowerCase();
  let rest = afterScheme;
  const q = rest.indexOf("?");
  if (q >= 0) rest = rest.slice(0, q);
  if (!rest.startsWith("/")) {
    if (scheme !== "") return { scheme, opaque: rest, host: "", path: "" };
    const segment = rest.split("/")[0]!;
    if (segment.includes(":")) throw new GoUrlError("first path segment in URL cannot contain colon");
  }
  let host = "";
  if ((scheme !== "" || !rest.startsWith("///")) && rest.startsWith("//")) {
    const slash = rest.indexOf("/", 2);
    const authority = slash >= 0 ? rest.slice(2, slash) : rest.slice(2);
    rest = slash >= 0 ? rest.slice(slash) : "";
    const at = authority.lastIndexOf("@");
    host = parseHost(at >= 0 ? authority.slice(at + 1) : authority);
  }
  return { scheme, opaque: "", host, path: unescape(rest, false) };
}
