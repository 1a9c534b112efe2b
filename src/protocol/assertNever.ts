/** Exhaustiveness check for `switch` statements over the protocol unions. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled message: ${JSON.stringify(value)}`);
}
