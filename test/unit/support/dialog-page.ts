import { parseHTML } from 'linkedom';
import { act } from 'react';
import { afterAll, beforeAll, expect } from 'vitest';
import { visibleText } from './label-in-name';
import type { ReactPage } from './react-page';

/**
 * linkedom has no `showModal` or `close` on <dialog>: for this file's tests they only open and close it (restored
 * after the file, so a file that needs them missing is not affected).
 */
export function withDialogStandIn(): void {
  const dialogProto = Object.getPrototypeOf(
    parseHTML('<!doctype html><html><body><dialog></dialog></body></html>').document.querySelector('dialog'),
  ) as { showModal?: () => void; close?: () => void };
  const had = { showModal: dialogProto.showModal, close: dialogProto.close };
  beforeAll(() => {
    dialogProto.showModal ??= function (this: { open: boolean }) {
      this.open = true;
    };
    dialogProto.close ??= function (this: { open: boolean }) {
      this.open = false;
    };
  });
  afterAll(() => {
    if (!had.showModal) delete dialogProto.showModal;
    if (!had.close) delete dialogProto.close;
  });
}

/** Lets React's effects and the page's timers of a few milliseconds run. */
export const settle = () => act(() => new Promise((r) => setTimeout(r, 20)));

/** The button whose visible words start with these. */
export const button = (page: ReactPage, words: string) =>
  [...page.document.querySelectorAll('button')].find((b) => visibleText(b as unknown as Element).startsWith(words));

/** Focuses and clicks this control as a person would, then lets the page settle. */
export async function press(page: ReactPage, el: Element | undefined): Promise<void> {
  expect(el).toBeDefined();
  await act(async () => {
    (el as HTMLElement).focus();
    el!.dispatchEvent(new page.window.Event('click', { bubbles: true }));
  });
  await settle();
}
