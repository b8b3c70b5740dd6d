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
      // The setter of the element's own kind (a textarea's or an input's), which React's value tracking watches.
      Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value')!.set!.call(el, value);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    text,
  );
}
