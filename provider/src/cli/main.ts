/**
 * `pulumi-akash` command line: dispatches to the subcommand modules, loaded on demand so that
 * `pulumi-akash sdl` does not pay for loading the devnet.
 */
export type Command = (args: string[]) => Promise<number>;

const commands: Record<string, { summary: string; load: () => Command }> = {
  sdl: {
    summary: "compile an SDL file: groups, sorted manifest and version hash",
    load: () => require("../sdl/cli").sdlCommand,
  },
  devnet: {
    summary: "run the local Akash devnet (chain and simulated providers)",
    load: () => require("../../../devnet/src/cli").devnetCommand,
  },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`);
  return ["usage: pulumi-akash <command> [options]", "", "commands:", ...lines].join("\n");
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    console.log(usage());
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    console.error(`pulumi-akash: unknown command '${name}'\n\n${usage()}`);
    return 1;
  }
  return command.load()(rest);
}
