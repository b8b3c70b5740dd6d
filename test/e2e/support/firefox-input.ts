import type { Page } from 'puppeteer-core';

/**
 * Sets a text box's value at once, as a paste would, once it is drawn, and fires the input event React listens for
 * (Firefox over BiDi: typing a long text key by key takes minutes). `selector` picks the first match.
 */
export async function typeInto(page: Page, text: string, selector = 'textarea'): Promise<void> {
  await page.waitForSelector(selector);
  await page.$eval(
    selector,
    (el, value) => {
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(el, value);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    text,
  );
}
