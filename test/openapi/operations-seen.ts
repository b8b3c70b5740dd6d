/**
 * Every operationId `validateRequest` matched in this process: the emulator's observer and the unit tests that
 * check lib/x requests without it both count. Its own module, free of ajv, so test setup can import it cheaply.
 */
export const operationsSeenInProcess = new Set<string>();
