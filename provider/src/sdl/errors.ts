/**
 * SDL problems: every issue names the SDL path, where it is in the file and how to fix it, and a compile
 * reports all of them at once.
 */

export interface SdlIssue {
  /** e.g. `services.web.expose[0].accept[1]`; empty for the document itself. */
  path: string;
  line?: number;
  column?: number;
  message: string;
  fix?: string;
  file?: string;
}

export type PathSegment = string | number;

const plainKey = /^[A-Za-z0-9_\-/]+$/;

/** Renders path segments as `a.b[0].c`; keys that are not plain words are quoted: `a["x.y"]`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = "";
  for (const seg of segments) {
    if (typeof seg === "number") out += `[${seg}]`;
    else if (plainKey.test(seg)) out += out === "" ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

export function formatIssue(issue: SdlIssue): string {
  const where = `${issue.file ?? "<sdl>"}${issue.line === undefined ? "" : `:${issue.line}:${issue.column ?? 1}`}`;
  const path = issue.path === "" ? "" : ` ${issue.path}:`;
  const fix = issue.fix ? ` (${issue.fix})` : "";
  return `${where}${path} ${issue.message}${fix}`;
}

export class SdlError extends Error {
  readonly issues: SdlIssue[];

  /** `issues` are listed in file order; those without a position come last. */
  constructor(unordered: SdlIssue[]) {
    const line = (i: SdlIssue) => i.line ?? Infinity;
    const issues = [...unordered].sort((a, b) => line(a) - line(b) || (a.column ?? 0) - (b.column ?? 0));
    const noun = issues.length === 1 ? "problem" : "problems";
    super(`invalid SDL: ${issues.length} ${noun}\n${issues.map((i) => `  ${formatIssue(i)}`).join("\n")}`);
    this.name = "SdlError";
    this.issues = issues;
  }
}

export interface Position {
  line: number;
  column: number;
}

/** Collects issues, attaching the source position of the nearest located ancestor of each path. */
export class IssueList {
  readonly issues: SdlIssue[] = [];

  constructor(
    /** Where a path is written in the source, if known. */
    private readonly locatePath: (path: readonly PathSegment[]) => Position | undefined = () => undefined,
    private readonly file?: string,
  ) {}

  add(path: readonly PathSegment[], message: string, fix?: string): void {
    const pos = this.locate(path);
    const issue: SdlIssue = { path: formatPath(path), message };
    if (pos) {
      issue.line = pos.line;
      issue.column = pos.column;
    }
    if (fix) issue.fix = fix;
    if (this.file !== undefined) issue.file = this.file;
    this.issues.push(issue);
  }

  get empty(): boolean {
    return this.issues.length === 0;
  }

  private locate(path: readonly PathSegment[]): Position | undefined {
    for (let n = path.length; n >= 0; n--) {
      const pos = this.locatePath(path.slice(0, n));
      if (pos) return pos;
    }
    return undefined;
  }
}
