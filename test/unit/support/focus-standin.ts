import { parseHTML } from 'linkedom';
import { afterAll, beforeAll } from 'vitest';

/**
 * Registers, for the file's tests, the browser's focus, which linkedom lacks: `focus()` moves it (with `focusin`) to a
 * button, a link, a field or an element with a tabindex, and does nothing on a disabled control; `document.activeElement`
 * is the element focused, or the body once that element has left the page.
 */
export function withFocus(): void {
  const focused = new WeakMap<object, Element>();
  const { document: sample, window } = parseHTML('<!doctype html><html><body><button></button></body></html>');
  // linkedom's own events: its dispatchEvent cannot send Node's.
  const PageEvent = window.Event;
  let element = Object.getPrototypeOf(sample.querySelector('button')) as Record<string, unknown>;
  while (!Object.prototype.hasOwnProperty.call(element, 'blur')) element = Object.getPrototypeOf(element) as Record<string, unknown>;
  const documentProto = Object.getPrototypeOf(sample) as object;
  const saved = { focus: element.focus, blur: element.blur, attachEvent: element.attachEvent, detachEvent: element.detachEvent };
  const active = (doc: Document): Element => {
    const el = focused.get(doc);
    return el?.isConnected ? el : doc.body;
  };
  beforeAll(() => {
    element.focus = function (this: HTMLElement) {
      const focusable =
        /^(BUTTON|INPUT|TEXTAREA|SELECT)$/.test(this.tagName) ||
        (this.tagName === 'A' && this.hasAttribute('href')) ||
        this.hasAttribute('tabindex');
      if (!focusable || this.hasAttribute('disabled') || !this.isConnected) return;
      const doc = this.ownerDocument;
      if (active(doc) === this) return;
      focused.set(doc, this);
      this.dispatchEvent(new PageEvent('focusin', { bubbles: true }));
    };
    // React reads a focused field's changes as in browsers without `oninput` (linkedom has none): IE's events.
    element.attachEvent = () => undefined;
    element.detachEvent = () => undefined;
    element.blur = function (this: HTMLElement) {
      if (active(this.ownerDocument) === this) focused.delete(this.ownerDocument);
    };
    Object.defineProperty(documentProto, 'activeElement', {
      configurable: true,
      get(this: Document) {
        return active(this);
      },
    });
  });
  afterAll(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete element[name];
      else element[name] = value;
    }
    delete (documentProto as { activeElement?: unknown }).activeElement;
  });
}
