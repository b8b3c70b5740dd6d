/**
 * The floor the stack sets (issue 13): a minimal MV3 extension whose service worker bundles only the libraries
 * Perch's background must hold — Dexie, zod/mini, oauth4webapi, @wxt-dev/storage — used the way Perch uses them
 * (./floor-worker.ts), bundled the way WXT bundles Perch's background: Vite, one minified IIFE, the same Dexie alias,
 * zod's eval probe stripped, production defines. ./bundle.ts prints its gzip size beside Perch's and ./worker.ts times
 * its cold start beside Perch's and the empty worker's, in the same run; Perch minus this floor is Perch's own code.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { stripZodEvalProbe } from '../../lib/build-guard';
import { ROOT } from '../e2e/support/paths';

/** The floor's manifest name, by which ./worker.ts tells its worker from the others. */
export const FLOOR_NAME = 'perch-bench-floor';

let built: Promise<string> | undefined;

/** Builds the floor extension once per run into a temporary folder; resolves to that folder. */
export function floorExtension(): Promise<string> {
  built ??= buildFloor();
  return built;
}

async function buildFloor(): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'perch-bench-floor-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    mode: 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    plugins: [stripZodEvalProbe()],
    resolve: { alias: [{ find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' }] },
    build: {
      outDir: dir,
      emptyOutDir: false,
      minify: true,
      sourcemap: false,
      lib: { entry: path.join(ROOT, 'test/bench/floor-worker.ts'), formats: ['iife'], name: 'floor', fileName: () => 'worker.js' },
    },
  });
  writeFileSync(
    path.join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: FLOOR_NAME,
      version: '1.0',
      permissions: ['storage'],
      background: { service_worker: 'worker.js' },
    }),
  );
  writeFileSync(path.join(dir, 'page.html'), '<!doctype html><meta charset="utf-8"><title>floor</title>');
  return dir;
}

/** The floor's worker script, as built. */
export async function floorWorkerCode(): Promise<string> {
  return readFileSync(path.join(await floorExtension(), 'worker.js'), 'utf8');
}
