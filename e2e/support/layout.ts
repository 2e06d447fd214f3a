// A phone-width page must not scroll sideways: the page is as wide as the viewport, never wider.
import { expect, type Page } from "@playwright/test";

export async function expectNoSidewaysScroll(page: Page, width: number): Promise<void> {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `rola para o lado a ${width} px`).toBeLessThanOrEqual(width);
}
