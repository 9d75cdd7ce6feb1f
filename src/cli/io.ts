/** What a command needs from the terminal; tests pass their own to capture output. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  setExitCode(code: number): void;
}
