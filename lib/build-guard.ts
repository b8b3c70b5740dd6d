import type { Plugin } from 'vite';

/**
 * Build-time guards, used by wxt.config.ts (never bundled into the extension).
 *
 * 1. A store build (`wxt build` / `wxt zip` in mode `production`) talks to X only: the API base and authorize URL
 *    become the manifest's host permission and CSP, so a stray WXT_X_API_BASE_URL in the shell or a .env file would
 *    ship an extension that may reach another host. Building a store build against another host on purpose takes
 *    WXT_ALLOW_CUSTOM_API_BASE=1. `--mode test` / `--mode demo` (the local emulator) and `wxt` dev are not store
 *    builds and pass.
 * 2. zod probes `new Function("")` once (util.allowsEval) to decide whether to compile parsers. Perch runs zod
 *    `jitless` (lib/zod-jitless.ts) so the probe never runs, but its code still ships and `web-ext lint` reports it
 *    as DANGEROUS_EVAL. `stripZodEvalProbe` replaces it with `return false` at build time, and fails the build if
 *    zod's code no longer has the expected shape or if any output chunk still holds a `Function("")` call.
 */

export const X_API_BASE = 'https://api.x.com';
export const X_AUTHORIZE = 'https://x.com/i/oauth2/authorize';
export const ALLOW_CUSTOM_API_BASE = 'WXT_ALLOW_CUSTOM_API_BASE';

function sameUrl(value: string, expected: string): boolean {
  try {
    return new URL(value).href === new URL(expected).href;
  } catch {
    return false;
  }
}

/** Throws when a store build (mode `production`) would talk to anything but X, unless the opt-in is set. */
export function checkStoreEndpoints(mode: string, env: Record<string, string | undefined>): void {
  if (mode !== 'production' || env[ALLOW_CUSTOM_API_BASE] === '1') return;
  const wrong = [
    ['WXT_X_API_BASE_URL', env.WXT_X_API_BASE_URL, X_API_BASE],
    ['WXT_X_AUTHORIZE_URL', env.WXT_X_AUTHORIZE_URL, X_AUTHORIZE],
  ].filter(([, value, expected]) => value !== undefined && value !== '' && !sameUrl(value, expected!));
  if (wrong.length === 0) return;
  throw new Error(
    `Refusing a store build that talks to another host than X: ${wrong
      .map(([name, value, expected]) => `${name}=${value} (expected ${expected})`)
      .join(', ')}. Unset it, build with --mode test or --mode demo, or set ${ALLOW_CUSTOM_API_BASE}=1 to build ` +
      'against that host on purpose.',
  );
}

/** zod's own module that holds the probe (v4 ESM build). */
const ZOD_UTIL = /[\\/]node_modules[\\/]zod[\\/]v4[\\/]core[\\/]util\.js$/;
/** The probe inside `allowsEval`, as zod 4 writes it. */
const ZOD_EVAL_PROBE = /const F = Function;\s*new F\(""\);\s*return true;/;
/** A `Function("")` / `new Function('')` call in built code, however the minifier quotes the empty string. */
export const EVAL_PROBE_IN_OUTPUT = /\bFunction\(\s*(?:""|''|``)\s*\)/;

export function stripZodEvalProbe(): Plugin {
  return {
    name: 'perch:strip-zod-eval-probe',
    enforce: 'pre',
    transform(code, id) {
      if (!ZOD_UTIL.test(id.split('?')[0] ?? id)) return null;
      if (!ZOD_EVAL_PROBE.test(code)) {
        throw new Error(
          `perch:strip-zod-eval-probe: zod's eval probe (new F("") in allowsEval) was not found in ${id}. ` +
            'zod changed: update the pattern in lib/build-guard.ts so the probe stays out of the bundle.',
        );
      }
      return { code: code.replace(ZOD_EVAL_PROBE, 'return false;'), map: null };
    },
    renderChunk(code, chunk) {
      if (EVAL_PROBE_IN_OUTPUT.test(code)) {
        throw new Error(`perch:strip-zod-eval-probe: ${chunk.fileName} still calls Function("") (an eval probe).`);
      }
      return null;
    },
  };
}
