import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin, type Rollup } from 'vite';
import { describe, expect, it, vi } from 'vitest';
import { checkStoreEndpoints, EVAL_PROBE_IN_OUTPUT, stripZodEvalProbe } from '@/lib/build-guard';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const zodUtilPath = `${root}node_modules/zod/v4/core/util.js`;
const zodCorePath = `${root}node_modules/zod/v4/core/core.js`;

describe('the store-build endpoint check', () => {
  const stray = { WXT_X_API_BASE_URL: 'https://api.example.com' };

  it('refuses a store build with a stray API base, naming the variable and the way out', () => {
    expect(() => checkStoreEndpoints('production', stray)).toThrow(
      /WXT_X_API_BASE_URL=https:\/\/api\.example\.com .*WXT_ALLOW_CUSTOM_API_BASE=1/,
    );
  });

  it('refuses a store build with a stray authorize URL or an emulator address', () => {
    expect(() => checkStoreEndpoints('production', { WXT_X_AUTHORIZE_URL: 'https://evil.example/authorize' })).toThrow(
      /WXT_X_AUTHORIZE_URL/,
    );
    expect(() => checkStoreEndpoints('production', { WXT_X_API_BASE_URL: 'http://127.0.0.1:8787' })).toThrow(/WXT_X_API_BASE_URL/);
    expect(() => checkStoreEndpoints('production', { WXT_X_API_BASE_URL: 'not a url' })).toThrow(/WXT_X_API_BASE_URL/);
  });

  it('builds against another host when told explicitly', () => {
    expect(() => checkStoreEndpoints('production', { ...stray, WXT_ALLOW_CUSTOM_API_BASE: '1' })).not.toThrow();
  });

  it('lets test and demo builds use the local emulator', () => {
    const emulator = {
      WXT_X_API_BASE_URL: 'http://127.0.0.1:8787',
      WXT_X_AUTHORIZE_URL: 'http://127.0.0.1:8787/i/oauth2/authorize',
    };
    expect(() => checkStoreEndpoints('test', emulator)).not.toThrow();
    expect(() => checkStoreEndpoints('demo', emulator)).not.toThrow();
  });

  it("accepts X's own endpoints, spelled out or left to the defaults", () => {
    expect(() => checkStoreEndpoints('production', {})).not.toThrow();
    expect(() =>
      checkStoreEndpoints('production', {
        WXT_X_API_BASE_URL: 'https://api.x.com/',
        WXT_X_AUTHORIZE_URL: 'https://x.com/i/oauth2/authorize',
      }),
    ).not.toThrow();
  });
});

type Transform = (code: string, id: string) => { code: string } | null;

function transformOf(plugin: Plugin): Transform {
  return plugin.transform as unknown as Transform;
}

describe("stripping zod's eval probe", () => {
  it("replaces the installed zod's probe with `false`", () => {
    const source = readFileSync(zodUtilPath, 'utf8');
    expect(source).toContain('new F("")');
    const out = transformOf(stripZodEvalProbe())(source, zodUtilPath);
    expect(out?.code).not.toContain('new F("")');
    expect(out?.code).not.toMatch(/const F = Function/);
  });

  it('fails loudly when zod no longer has the expected probe', () => {
    const changed = 'export const allowsEval = cached(() => { try { new Function(""); return true; } catch { return false; } });';
    expect(() => transformOf(stripZodEvalProbe())(changed, zodUtilPath)).toThrow(/eval probe .* was not found/);
  });

  it('leaves other modules alone', () => {
    expect(transformOf(stripZodEvalProbe())('const F = Function;\nnew F("");\nreturn true;', `${root}lib/x/client.ts`)).toBeNull();
  });

  // A real bundle of zod, built the way the extension is: the minifier turns the probe into Function(``).
  const CLASSIC = "import { z } from 'zod';\nglobalThis.parse = (v) => z.object({ a: z.string() }).parse(v);\n";
  const MINI = "import * as z from 'zod/mini';\nglobalThis.parse = (v) => z.object({ a: z.string() }).parse(v);\n";

  async function bundleZod(plugins: Plugin[], code = CLASSIC): Promise<string> {
    const entry: Plugin = {
      name: 'entry',
      resolveId: (id) => (id === 'virtual:entry' ? '\0entry' : null),
      load: (id) => (id === '\0entry' ? code : null),
    };
    const result = await build({
      configFile: false,
      root,
      logLevel: 'silent',
      plugins: [entry, ...plugins],
      build: { write: false, minify: true, rollupOptions: { input: 'virtual:entry' } },
    });
    const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
    return outputs.flatMap((o) => o.output.map((chunk) => (chunk.type === 'chunk' ? chunk.code : ''))).join('\n');
  }

  it('leaves no Function("") in a bundle that uses zod', async () => {
    const without = await bundleZod([]);
    expect(without).toMatch(EVAL_PROBE_IN_OUTPUT);
    const withPlugin = await bundleZod([stripZodEvalProbe()]);
    expect(withPlugin).toContain('Cloudflare'); // zod's allowsEval is still there, minus its probe
    expect(withPlugin).not.toMatch(EVAL_PROBE_IN_OUTPUT);
  }, 60_000);

  it('builds the zod/mini Perch bundles with the plugin, which leaves no probe in them', async () => {
    // zod/mini's objects never compile a parser, so its bundle drops allowsEval; the plugin still sees zod's util.js.
    const mini = await bundleZod([stripZodEvalProbe()], MINI);
    expect(mini).toContain('.parse=');
    expect(mini).not.toMatch(EVAL_PROBE_IN_OUTPUT);
  }, 60_000);
});

describe('zod runs jitless in every extension page', () => {
  it.each([
    'entrypoints/background/index.ts',
    'entrypoints/popup/main.tsx',
    'entrypoints/options/main.tsx',
    'entrypoints/sidepanel/main.tsx',
    'entrypoints/manager/main.tsx',
  ])('%s imports lib/zod-jitless before anything else', (file) => {
    const firstImport = /^import .*$/m.exec(readFileSync(`${root}${file}`, 'utf8'))?.[0];
    expect(firstImport).toBe("import '@/lib/zod-jitless';");
  });

  it('sets jitless, so zod never compiles a parser with new Function', async () => {
    const { config } = await import('zod');
    await import('@/lib/zod-jitless');
    expect(config().jitless).toBe(true);
  });

  it('sets it for a zod loaded after it, as in a screen whose first load has no schema', async () => {
    const held = globalThis as { __zod_globalConfig?: object | undefined };
    const before = held.__zod_globalConfig;
    try {
      delete held.__zod_globalConfig;
      vi.resetModules();
      await import('@/lib/zod-jitless');
      // A fresh copy of zod's core, loaded now: it takes the config this module left for it.
      const core = (await import(/* @vite-ignore */ `${pathToFileURL(zodCorePath).href}?after`)) as { config: () => { jitless?: boolean } };
      expect(core.config().jitless).toBe(true);
    } finally {
      held.__zod_globalConfig = before;
    }
  });

  it('loads no zod code itself: a screen pays for zod only where it has a schema', () => {
    expect(readFileSync(`${root}lib/zod-jitless.ts`, 'utf8')).not.toMatch(/^import|from ['"]zod/m);
  });
});
