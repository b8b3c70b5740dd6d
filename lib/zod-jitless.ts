import { config } from 'zod/mini';

/**
 * zod never compiles parsers with `new Function` (the extension's CSP forbids eval, and a refused attempt is reported
 * as a CSP violation). zod reads this when a schema is created, so every entrypoint imports this module first,
 * before anything that defines a schema (test/unit/guards/zod-jitless.test.ts checks the order).
 */
config({ jitless: true });
