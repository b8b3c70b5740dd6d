/**
 * `npm run test:zip` (after `npm run zip`): the store zips are what a reviewer can rebuild, and what the listing says.
 *
 * 1. Rebuild. The source archive (.output/perch-<version>-sources.zip) is unpacked in a temporary folder, and the
 *    commands of the SOURCE.md inside it (its ```sh block) run there, as an AMO reviewer would run them: `npm ci` from
 *    the registry (from npm's cache when it holds the packages), then `npx wxt build -b firefox`. Then `npx wxt build`
 *    for Chrome, which SOURCE.md names too. Every file of each rebuild must have the sha256 of the same file in the
 *    store zip, and no file may be missing or extra. The environment is emptied of WXT_* variables first, as a
 *    reviewer's would be. `--reuse-node-modules` links this checkout's node_modules instead of `npm ci` (faster,
 *    but it does not prove the lock file installs).
 * 2. The canary: the Firefox rebuild compared with the Chrome zip must differ (their manifests do), or the
 *    comparison is blind.
 * 3. The archive holds what the build needs and nothing private: SOURCE.md, PRIVACY.md, the lock file; no tests,
 *    no .env files.
 * 4. The listing (store/listing.yml) justifies every permission the two zipped manifests ask for, and nothing else.
 * 5. Both zips carry privacy.html, rendered from this PRIVACY.md.
 *
 * `tsx test/build/zip-check.ts [--reuse-node-modules] [--keep]`; exits 1 with what differs.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderPrivacyPage } from '../../lib/privacy-page';
import { ROOT } from '../e2e/support/paths';
import { type ManifestAccess, readListing, unasked, unjustified } from './listing';

/** sha256 of every file under a folder, by its path relative to the folder (with `/`). */
export function hashTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out.set(path.relative(dir, file).split(path.sep).join('/'), createHash('sha256').update(readFileSync(file)).digest('hex'));
  }
  return out;
}

/** How two trees differ: files only in one, and files whose bytes differ. Empty when identical. */
export function treeDiff(built: Map<string, string>, zipped: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [file, hash] of zipped) {
    const mine = built.get(file);
    if (mine === undefined) out.push(`missing from the rebuild: ${file}`);
    else if (mine !== hash) out.push(`different bytes: ${file} (zip ${hash.slice(0, 12)}…, rebuild ${mine.slice(0, 12)}…)`);
  }
  for (const file of built.keys()) if (!zipped.has(file)) out.push(`only in the rebuild: ${file}`);
  return out.sort();
}

/** The shell commands of the first ```sh block of a Markdown text. */
export function shellCommands(markdown: string): string[] {
  const block = /```(?:sh|bash|shell)\n([\s\S]*?)```/.exec(markdown);
  if (!block?.[1]) throw new Error('SOURCE.md has no ```sh block of commands');
  return block[1]
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

function unzip(zip: string, into: string): void {
  execFileSync('unzip', ['-q', '-o', zip, '-d', into]);
}

function main(): void {
  const reuse = process.argv.includes('--reuse-node-modules');
  const keep = process.argv.includes('--keep');
  const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const zips = {
    chrome: path.join(ROOT, `.output/perch-${version}-chrome.zip`),
    firefox: path.join(ROOT, `.output/perch-${version}-firefox.zip`),
    sources: path.join(ROOT, `.output/perch-${version}-sources.zip`),
  };
  for (const zip of Object.values(zips)) {
    if (!existsSync(zip)) {
      console.error(`${path.relative(ROOT, zip)} is missing: run \`npm run zip\` first.`);
      process.exit(1);
    }
  }
  const problems: string[] = [];
  const tmp = mkdtempSync(path.join(tmpdir(), 'perch-zip-check-'));
  try {
    const [src, chrome, firefox] = ['src', 'chrome', 'firefox'].map((d) => path.join(tmp, d)) as [string, string, string];
    unzip(zips.sources, src);
    unzip(zips.chrome, chrome);
    unzip(zips.firefox, firefox);

    // 3. What the archive holds.
    const archived = [...hashTree(src).keys()];
    for (const needed of ['SOURCE.md', 'PRIVACY.md', 'package.json', 'package-lock.json', 'wxt.config.ts']) {
      if (!archived.includes(needed)) problems.push(`the source archive lacks ${needed}`);
    }
    for (const f of archived.filter((f) => /^(test\/|\.env)|\/\.env|node_modules\//.test(f)))
      problems.push(`the source archive holds ${f}`);
    console.log(`source archive: ${archived.length} files`);

    // 1. Rebuild as SOURCE.md says, in a clean environment.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('WXT_') && k !== 'NODE_ENV'));
    const commands = shellCommands(readFileSync(path.join(src, 'SOURCE.md'), 'utf8'));
    const started = Date.now();
    for (const command of commands) {
      if (reuse && /^npm ci\b/.test(command)) {
        symlinkSync(path.join(ROOT, 'node_modules'), path.join(src, 'node_modules'));
        execFileSync('npx', ['wxt', 'prepare'], { cwd: src, env, stdio: 'ignore' });
        console.log(`$ ${command}   (replaced: linked ${path.relative(ROOT, path.join(ROOT, 'node_modules'))}/ and ran wxt prepare)`);
        continue;
      }
      console.log(`$ ${command}`);
      // npm's cache stands in for the registry when it holds the packages (the same tarballs, checked by the lock's
      // integrity hashes).
      execFileSync('bash', ['-c', command], {
        cwd: src,
        env: { ...env, npm_config_prefer_offline: 'true' },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
    }
    execFileSync('npx', ['wxt', 'build'], { cwd: src, env, stdio: 'ignore' });
    console.log(`rebuilt from the source archive in ${((Date.now() - started) / 1000).toFixed(0)} s`);

    const rebuilt = { firefox: hashTree(path.join(src, '.output/firefox-mv3')), chrome: hashTree(path.join(src, '.output/chrome-mv3')) };
    const zipped = { firefox: hashTree(firefox), chrome: hashTree(chrome) };
    for (const browser of ['firefox', 'chrome'] as const) {
      const diff = treeDiff(rebuilt[browser], zipped[browser]);
      for (const d of diff) problems.push(`${browser}: ${d}`);
      console.log(
        `${browser}: ${zipped[browser].size} files in the zip, ${diff.length ? `${diff.length} differ` : 'every sha256 the same'}`,
      );
    }

    // 2. The canary.
    const canary = treeDiff(rebuilt.firefox, zipped.chrome);
    if (!canary.some((d) => d.includes('manifest.json')))
      problems.push('canary: the Firefox rebuild matched the Chrome zip: the comparison is blind');

    // 4. The listing against the zipped manifests.
    const listing = readListing();
    const manifests = [chrome, firefox].map((d) => JSON.parse(readFileSync(path.join(d, 'manifest.json'), 'utf8')) as ManifestAccess);
    for (const m of manifests) for (const p of unjustified(m, listing)) problems.push(`store/listing.yml does not justify ${p}`);
    for (const p of unasked(manifests, listing)) problems.push(`store/listing.yml justifies ${p}, which no store build asks for`);

    // 5. The privacy page.
    const privacy = renderPrivacyPage(readFileSync(path.join(ROOT, 'PRIVACY.md'), 'utf8'));
    for (const dir of [chrome, firefox]) {
      const file = path.join(dir, 'privacy.html');
      if (!existsSync(file) || readFileSync(file, 'utf8') !== privacy)
        problems.push(`${path.basename(dir)} zip: privacy.html is not PRIVACY.md`);
    }
  } finally {
    if (keep) console.log(`kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
  if (problems.length) {
    for (const p of problems) console.error(p);
    process.exit(1);
  }
  console.log('the store zips rebuild byte for byte from the source archive; the listing and privacy page match');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();
