import type { Plugin } from 'vite';

/** The id of the <template> that keeps popup.html's app scripts inert until the head script loads them. */
export const APP_TEMPLATE_ID = 'perch-app';

const APP_TAG = /[ \t]*<script type="module"[^>]*><\/script>\n?|[ \t]*<link rel="modulepreload"[^>]*>\n?/g;

/**
 * popup.html with its module script and module preloads moved out of <head> into an inert
 * `<template id="perch-app">` at the end of <body>, for the head script to load once the page is parsed, after its
 * question to the background is on its way (entrypoints/popup/app-loader.ts). In <head>, the browser's preload
 * scanner fetched ~300 KB of the app alongside the head script, which then started ~15-25 ms later, and the kept
 * screen with it (issue 13, test/bench/paint-ab.ts). Unchanged when it has no such tags.
 */
export function appLoadedByHeadScript(html: string): string {
  const tags = html.match(APP_TAG);
  if (!tags) return html;
  const template = `<template id="${APP_TEMPLATE_ID}">${tags.map((t) => t.trim()).join('')}</template>\n`;
  return html.replace(APP_TAG, '').replace(/([ \t]*)<\/body>/, (end, indent: string) => `${indent}  ${template}${end}`);
}

/** The build step doing it to popup.html only (never in `wxt dev`, whose module script is the dev server's). */
export function popupAppAfterHead(): Plugin {
  return {
    name: 'perch:popup-app-after-head',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html, ctx) => (/(^|\/)popup(\/index)?\.html$/.test(ctx.path) ? appLoadedByHeadScript(html) : html),
    },
  };
}
