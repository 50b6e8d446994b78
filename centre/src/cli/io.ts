export interface CliIo {
  out(s: string): void;
  err(s: string): void;
}

export type Command = (argv: string[], io: CliIo) => Promise<number>;
