import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { checkStoreEndpoints, stripZodEvalProbe, X_API_BASE } from './lib/build-guard';
import { popupFirstChunks } from './lib/page-chunks';
import { popupAppAfterHead } from './lib/popup-html';
import { PRIVACY_CSS, renderPrivacyPage } from './lib/privacy-page';
import { TLD_FILE, tldFileText } from './lib/text/tlds';

/**
 * Build settings. Three build-time variables (see README "Configuration"):
 *   WXT_X_CLIENT_ID      optional default Client ID
 *   WXT_X_API_BASE_URL   default https://api.x.com
 *   WXT_X_AUTHORIZE_URL  default https://x.com/i/oauth2/authorize
 * `--mode demo` / `--mode test` read .env.demo / .env.test, which point at the local X API emulator.
 *
 * A store build (mode `production`: `wxt build` / `wxt zip` without --mode) refuses any API base other than
 * https://api.x.com and any authorize URL other than https://x.com/i/oauth2/authorize: they become the manifest's
 * host permission and CSP. To build against another host on purpose, set WXT_ALLOW_CUSTOM_API_BASE=1
 * (lib/build-guard.ts). Every build strips zod's `Function("")` eval probe (zod runs jitless, lib/zod-jitless.ts).
 *
 * `npm run zip` (`wxt zip` twice) writes the Chrome Web Store zip, the Firefox zip and, for Firefox, the source archive
 * AMO's reviewers rebuild from (SOURCE.md says how; test/build/zip-check.ts rebuilds it and compares every file). The
 * archive holds exactly what the build reads, listed below — no tests, no dot-files, no other engineer's scratch files.
 */
const GECKO_ID = 'perch@perch.example';

function originPattern(url: string): string {
  const u = new URL(url);
  // Match patterns ignore the port, so http://127.0.0.1/* covers the emulator on any port.
  return `${u.protocol}//${u.hostname}/*`;
}

export default defineConfig({
  // No WebExtension polyfill in any page nor the worker: `wxt/browser` is the browser's own API object (`browser` in
  // Firefox, `chrome` in Chrome, whose MV3 APIs return promises). The background answers messages with
  // `sendResponse`, and no page listens to messages, so nothing needs the polyfill's promise-returning onMessage.
  // 2.7 KB gzip less on each cold start and on the popup's first load (npm run bench -- bundle, -- extension).
  modules: ['@wxt-dev/module-react', '@wxt-dev/i18n/module'],
  // Messages live in lib/locales (the project's fixed top level has no locales/ folder).
  i18n: { localesDir: 'lib/locales' },
  manifestVersion: 3,
  zip: {
    // What `wxt build` reads, and the two documents a reviewer needs. .env files are left out on purpose: a store
    // build takes nothing from them (lib/build-guard.ts), so the archive rebuilds the same bytes without them.
    includeSources: [
      'entrypoints/**',
      'components/**',
      'lib/**',
      'public/**',
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'wxt.config.ts',
      'SOURCE.md',
      'PRIVACY.md',
    ],
  },
  hooks: {
    // The privacy policy page, rendered from PRIVACY.md on every build (linked from the settings page).
    'build:publicAssets': (_wxt, files) => {
      files.push(
        { relativeDest: 'privacy.html', contents: renderPrivacyPage(readFileSync('PRIVACY.md', 'utf8')) },
        { relativeDest: 'privacy.css', contents: PRIVACY_CSS },
        // The URL counter's TLD lists, which the background reads on first use instead of bundling them.
        { relativeDest: TLD_FILE, contents: tldFileText() },
      );
    },
    // The background reads the URL counter's TLD lists from tlds.txt when it first counts a post (publishing),
    // instead of parsing them on every cold start: lib/text/tld-list.fetched.ts stands in for lib/text/tld-list.ts.
    // 94.7 -> 88.8 KB gzip (npm run bench -- bundle, which prints tlds.txt's size beside background.js).
    'vite:build:extendConfig': (entrypoints, config) => {
      // The pages' build: what the popup's first screen shares with the other pages in one chunk (lib/page-chunks.ts),
      // 102.4 KB in 10 files -> 99.5 KB in 4 (npm run bench -- extension, "popup JS loaded first").
      if (entrypoints.some((e) => e.type === 'popup')) {
        config.plugins = [...(config.plugins ?? []), popupFirstChunks()];
      }
      if (entrypoints.some((e) => e.type === 'background')) {
        config.plugins = [...(config.plugins ?? []), fetchedTldList()];
      }
    },
  },
  // test and demo builds differ from the store build only in their endpoints: same production React.
  // The bench build alone writes hidden source maps (no sourceMappingURL in the code, so its code is the store
  // build's): test/bench/bundle.ts reads them to print each dependency's share of the background. Store builds ship none.
  vite: ({ mode }) => ({
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    // popup.html's app scripts are loaded by its head script once the first screen is painted (lib/popup-html.ts).
    plugins: [stripZodEvalProbe(), popupAppAfterHead()],
    build: { sourcemap: mode === 'bench' ? 'hidden' : false },
    // Dexie's package entry (import-wrapper.mjs) wraps its UMD build (dist/dexie.js) to guard against two copies in
    // one Node app; a bundle has one copy by construction, and the ES module build minifies smaller (no UMD or
    // CommonJS wrapper, ES2018 syntax): 1.3 KB gzip less in the background and in every screen that reads the store.
    resolve: { alias: [{ find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' }] },
  }),
  manifest: ({ browser, mode }) => {
    const env = loadEnvVars(mode);
    checkStoreEndpoints(mode, env);
    const apiBase = env.WXT_X_API_BASE_URL ?? X_API_BASE;
    // X serves pictures from its image hosts only; the local emulator serves them from the API's own origin. An image
    // address in X's answer that names api.x.com would otherwise load with the person's x.com cookies.
    const apiImages = new URL(apiBase).origin === X_API_BASE ? '' : ` ${new URL(apiBase).origin}`;
    return {
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'en',
      permissions: ['identity', 'storage', 'alarms', 'activeTab', 'contextMenus'],
      host_permissions: [originPattern(apiBase)],
      content_security_policy: {
        extension_pages:
          "default-src 'none'; script-src 'self'; style-src 'self'; " +
          // blob:: the composer's preview of a picked image (Composer's URL.createObjectURL); Firefox blocks it otherwise.
          `img-src 'self' blob: https://pbs.twimg.com https://abs.twimg.com${apiImages}; ` +
          // The composer reads a picked video's length from a blob: URL of the file (components/video-length.ts).
          'media-src blob:; ' +
          `connect-src 'self' ${new URL(apiBase).origin}; font-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'`,
      },
      ...(browser === 'firefox'
        ? {
            browser_specific_settings: {
              gecko: { id: GECKO_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
              // Firefox for Android reads data_collection_permissions from 142 on (web-ext lint:
              // KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION); the desktop minimum stays 140.
              gecko_android: { strict_min_version: '142.0' },
            },
          }
        : {
            // Chrome lets every other extension open a channel to an extension that does not declare this key. Perch
            // listens to none (no onMessageExternal, no onConnectExternal) and no page nor extension may reach it:
            // declared with no ids and no matches, none can (Chrome's externally_connectable: "If left empty or
            // unspecified, no extensions or apps can connect"). Firefox has no such key (bug 1319168) and no listener.
            externally_connectable: { ids: [] },
          }),
      action: { default_title: 'Perch' },
      commands: {
        _execute_action: { suggested_key: { default: 'Alt+Shift+X' }, description: 'Open Perch: actions for this tab, or a new post' },
        'bookmark-current-post': { suggested_key: { default: 'Alt+Shift+B' }, description: 'Bookmark the post in the current tab' },
      },
    };
  },
});

/**
 * Resolves the background's imports of lib/text/tld-list.ts to lib/text/tld-list.fetched.ts (same exports), and fails
 * the build if nothing imported it: the swap would then silently stop saving anything.
 */
function fetchedTldList(): Plugin {
  const bundled = path.resolve('lib/text/tld-list.ts');
  const fetched = path.resolve('lib/text/tld-list.fetched.ts');
  let swapped = false;
  return {
    name: 'perch:fetched-tld-list',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!source.endsWith('tld-list') || !importer) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (resolved?.id !== bundled) return null;
      swapped = true;
      return fetched;
    },
    buildEnd() {
      if (!swapped) this.error('lib/text/tld-list.ts was not imported by the background: update fetchedTldList()');
    },
  };
}

function loadEnvVars(mode: string): Record<string, string | undefined> {
  // WXT loads .env files into import.meta.env for the code (Vite's order: .env, .env.local, .env.[mode],
  // .env.[mode].local, then the shell); the manifest hook and the store-build check need the same values.
  return {
    ...readEnvFile('.env'),
    ...readEnvFile('.env.local'),
    ...readEnvFile(`.env.${mode}`),
    ...readEnvFile(`.env.${mode}.local`),
    ...process.env,
  };
}

function readEnvFile(name: string): Record<string, string> {
  if (!existsSync(name)) return {};
  const out: Record<string, string> = {};
  for (const line of readFileSync(name, 'utf8').split('\n')) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (m?.[1] && m[2] !== undefined) out[m[1]] = m[2].replace(/^['"]|['"]$/g, '');
  }
  return out;
}
