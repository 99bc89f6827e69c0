/** Locates the shared SDL fixtures: <repo root>/../shared/akash/fixtures. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

function repoRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

export const fixturesDir = join(repoRoot(__dirname), "..", "shared", "akash", "fixtures");

export function fixture(...parts: string[]): string {
  return readFileSync(join(fixturesDir, ...parts), "utf8");
}

export function fixtureFiles(...parts: string[]): string[] {
  return readdirSync(join(fixturesDir, ...parts)).filter((f) => /\.ya?ml$/.test(f)).sort();
}

export function fixtureDirs(...parts: string[]): string[] {
  return readdirSync(join(fixturesDir, ...parts)).sort();
}
