// graphql-schema-linter ships no types; the test drives its CLI runner in-process.
declare module 'graphql-schema-linter/lib/runner' {
  interface Writable {
    write(chunk: string): boolean;
  }
  /** The CLI itself: returns the exit code (0 clean, 1 violations, 2 unusable input or configuration). */
  export function run(stdout: Writable, stdin: NodeJS.ReadableStream, stderr: Writable, argv: string[]): Promise<number>;
}
