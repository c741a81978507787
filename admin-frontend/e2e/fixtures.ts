import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const screenshots = join(dirname(fileURLToPath(import.meta.url)), '..', 'test-results', 'screenshots');

export const owner = { email: 'admin@demo.local', password: 'demo1234' };
export const staff = { email: process.env.E2E_STAFF_EMAIL ?? 'staff@demo.local', password: 'demo1234' };

/** Every page the journeys open collects browser console errors; a test fails if any appeared. */
export const test = base.extend<{ consoleErrors: string[] }>({
  baseURL: async ({}, use) => use(process.env.E2E_BASE_URL),
  consoleErrors: async ({ context }, use) => {
    const errors: string[] = [];
    const watch = (page: Page) => {
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
    };
    context.pages().forEach(watch);
    context.on('page', watch);
    await use(errors);
    expect(errors, 'browser console errors').toEqual([]);
  },
});

export { expect };

export async function signIn(page: Page, user: { email: string; password: string }) {
  await page.goto('/sign-in');
  await page.getByLabel('Correo electrónico').fill(user.email);
  await page.getByLabel('Contraseña').fill(user.password);
  await page.getByRole('button', { name: 'Ingresar' }).click();
  await expect(page.getByRole('navigation', { name: 'Navegación principal' })).toBeVisible();
}

/** axe-core on the page as it is now: no serious or critical violation. Saves a screenshot beside the results. */
export async function checkPage(page: Page, name: string) {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(bad, `accessibility violations on ${name}`).toEqual([]);
}

export function randomPhone(): string {
  return `+54911${String(Math.floor(10_000_000 + Math.random() * 89_999_999))}`;
}

/** The simulated phone page for one patient number. */
export class Phone {
  constructor(readonly page: Page) {}

  async open(number: string) {
    await this.page.goto('/phone');
    await this.page.getByLabel('Número de teléfono').fill(number);
    await expect(this.chat).toBeVisible();
  }

  get chat() {
    return this.page.getByRole('log', { name: 'Chat con la clínica' });
  }

  received() {
    return this.chat.locator('[data-direction="out"]');
  }

  async send(text: string) {
    await this.page.getByRole('textbox', { name: 'Mensaje' }).fill(text);
    await this.page.getByRole('textbox', { name: 'Mensaje' }).press('Enter');
  }

  /** Sends and waits for the clinic's next message; returns its text. */
  async say(text: string): Promise<string> {
    const before = await this.received().count();
    await this.send(text);
    await expect(this.received()).toHaveCount(before + 1, { timeout: 15_000 });
    return (await this.received().nth(before).innerText()).trim();
  }
}
