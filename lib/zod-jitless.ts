/**
 * zod never compiles parsers with `new Function` (the extension's CSP forbids eval, and a refused attempt is reported
 * as a CSP violation). zod reads this when a schema is created, so every entrypoint imports this module first,
 * before anything that defines a schema (test/unit/guards/build-guard.test.ts checks the order).
 *
 * Set without importing zod: zod keeps its config in `globalThis.__zod_globalConfig`, taking the object it finds there
 * when it loads (zod/v4/core/core.js; `z.config()` assigns into the same object). Importing zod's `config` cost every
 * screen 2.4 KB gzip of zod's core for this one flag, the popup's first load included, where no schema is (issue 13).
 * test/unit/guards/build-guard.test.ts checks that zod, loaded before or after this, runs jitless.
 */
const held = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
(held.__zod_globalConfig ??= {}).jitless = true;

export {};
