/**
 * The `critique-lab` command. Each subcommand lives in its own file and registers here with one
 * line; `main` parses nothing but the subcommand name.
 */
import type { Subcommand } from './subcommand';

const SUBCOMMANDS: Record<string, () => Promise<Subcommand>> = {
  judge: async () => (await import('./judgeCommand')).judgeCommand,
  eval: async () => (await import('./evalCommand')).evalCommand,
  merge: async () => (await import('./mergeCommand')).mergeCommand,
};

function help(): string {
  const lines = Object.keys(SUBCOMMANDS).map((name) => `  critique-lab ${name}`);
  return `usage:\n${lines.join('\n')}\n\nRun \`critique-lab <command> --help\` for a command's options.`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(`${help()}\n`);
    return name ? 0 : 2;
  }
  const load = SUBCOMMANDS[name];
  if (!load) {
    process.stderr.write(`critique-lab: unknown command "${name}"\n${help()}\n`);
    return 2;
  }
  const command = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.summary}\n\nusage: ${command.usage}\n`);
    return 0;
  }
  return command.run(rest);
}
