// How a dynamic provider's hooks reach our code. Hooks are serialized into the `__provider` state string and
// run in the engine's plugin process; a hook that used an imported binding would drag that module (and zod,
// cosmjs...) into the closure, which fails or bloats it. Hooks therefore capture a ModuleRef (two strings) and
// call loadModule at run time. loadModule must stay self-contained: it is itself serialized by value.
import * as path from "node:path";
import * as fs from "node:fs";

export interface ModuleRef {
  /** Absolute path of the compiled module on the machine that last ran the program. */
  path: string;
  /** The same module as "<package>/<path in package>", resolved from the Pulumi project when `path` is gone. */
  packagePath: string;
}

/** A ModuleRef for a compiled module file (pass `require.resolve("./impl")` from the caller). */
export function moduleRef(absolutePath: string): ModuleRef {
  let dir = path.dirname(absolutePath);
  while (!fs.existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${absolutePath}`);
    dir = parent;
  }
  const { name } = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { name: string };
  return { path: absolutePath, packagePath: `${name}/${path.relative(dir, absolutePath).split(path.sep).join("/")}` };
}

/**
 * Loads a module from a hook. The state's `__provider` may come from another machine or checkout (destroy and
 * refresh use the stored one), so a missing absolute path falls back to the package installed in the project.
 */
export function loadModule<T>(ref: ModuleRef): T {
  try {
    return require(ref.path) as T;
  } catch (error) {
    const missing = error as { code?: string; message?: string };
    // Only the module itself missing, not one of its dependencies.
    if (missing.code !== "MODULE_NOT_FOUND" || !missing.message?.includes(ref.path)) throw error;
    return require(require.resolve(ref.packagePath, { paths: [process.cwd()] })) as T;
  }
}
