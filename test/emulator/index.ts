export { startEmulator, createRouter, DEFAULT_CLIENTS } from './server';
export type { Emulator, EmulatorClient, EmulatorOptions } from './server';
export { EmulatorState, X_SCOPES } from './state';
export { DEMO_USER_ID, SECOND_USER_ID, seedBookmarks } from './seed';
export { s256 } from './oauth';
