/** One `critique-lab` subcommand; each lives in its own file and is registered in main.ts. */
export interface Subcommand {
  summary: string;
  usage: string;
  /** Runs with the arguments after the subcommand name; resolves to the process exit code. */
  run(args: string[]): Promise<number>;
}
