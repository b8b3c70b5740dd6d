import { APP_TEMPLATE_ID } from '@/lib/popup-html';

/**
 * Puts the popup's app on the page (React and the popup's own code), once: its module script and preloads, which the
 * build keeps inert in `<template id="perch-app">` (lib/popup-html.ts), are made anew in <head>, where they load and
 * run as the build wrote them. Nothing when there is no such template (already loaded, or a page built without it).
 */
export function loadApp(doc: Document = document): void {
  const template = doc.getElementById(APP_TEMPLATE_ID);
  if (!template || template.tagName !== 'TEMPLATE') return;
  template.remove();
  for (const tag of (template as HTMLTemplateElement).content.querySelectorAll('link, script')) {
    const made = doc.createElement(tag.tagName.toLowerCase());
    for (const { name, value } of tag.attributes) made.setAttribute(name, value);
    doc.head.append(made);
  }
}

/**
 * Loads the app once the page is parsed (the template is at the end of <body>, after the head script): called by
 * the head script after its question to the background is on its way. Without a page (a test of the head script
 * alone), it does nothing.
 */
export function loadAppWhenParsed(doc: Document | undefined = globalThis.document): void {
  if (!doc) return;
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', () => loadApp(doc), { once: true });
  else loadApp(doc);
}
