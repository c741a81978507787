import { checkPage, expect, owner, signIn, staff, test } from './fixtures';

// the gateway's own address (global-setup.ts); its simulator plays WhatsApp Web's login with a QR rotating every 2 s
const gateway = process.env.E2E_GATEWAY_URL ?? 'http://127.0.0.1:8081';

test('the WhatsApp page shows a QR that changes as the gateway rotates it, then connected once it is scanned', async ({
  page,
  request,
  browser,
}) => {
  await signIn(page, owner);
  await expect(page.getByRole('link', { name: 'WhatsApp', exact: true })).toBeVisible();
  await page.goto('/whatsapp');
  await expect(page.getByRole('heading', { name: 'WhatsApp', level: 1 })).toBeVisible();
  const state = page.getByTestId('whatsapp-state');
  await expect(state).toHaveText('Conectado');
  await expect(page.getByText('Proveedor: Simulador (modo de prueba)')).toBeVisible();
  await checkPage(page, 'whatsapp');

  // log the number out: a new login is needed
  await page.getByRole('button', { name: 'Cerrar sesión de WhatsApp' }).click();
  const dialog = page.getByRole('dialog', { name: '¿Cerrar la sesión de WhatsApp?' });
  await dialog.getByRole('button', { name: 'Cerrar sesión' }).click();
  await expect(state).toHaveText('Sesión cerrada');

  // reconnecting shows the gateway's QR, redrawn each time the gateway replaces it
  await page.getByRole('button', { name: 'Reconectar' }).click();
  await expect(state).toHaveText('Esperando escaneo del QR');
  const qr = page.getByTestId('whatsapp-qr');
  await expect(qr.getByRole('img', { name: 'Código QR para vincular WhatsApp' })).toBeVisible();
  const first = await qr.getAttribute('data-qr');
  expect(first).toMatch(/^2@/);
  await expect.poll(() => qr.getAttribute('data-qr'), { timeout: 15_000 }).not.toBe(first);
  const second = await qr.getAttribute('data-qr');
  // what is drawn is the current string: the SVG changes with it
  const svgOf = () => qr.locator('svg').innerHTML();
  const drawn = await svgOf();
  await expect.poll(() => qr.getAttribute('data-qr'), { timeout: 15_000 }).not.toBe(second);
  expect(await svgOf()).not.toBe(drawn);
  await checkPage(page, 'whatsapp-qr');

  // staff see the state but not the code
  const staffContext = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, locale: 'es-AR' });
  const staffPage = await staffContext.newPage();
  await signIn(staffPage, staff);
  await staffPage.goto('/whatsapp');
  await expect(staffPage.getByTestId('whatsapp-state')).toHaveText('Esperando escaneo del QR');
  await expect(staffPage.getByText('Un dueño o administrador puede vincular el número.')).toBeVisible();
  await expect(staffPage.getByTestId('whatsapp-qr')).toHaveCount(0);
  await staffContext.close();

  // the clinic's phone scans it (the simulator's test endpoint): connected, and the QR goes away
  const scanned = await request.post(`${gateway}/simulator/tenants/default/link`);
  expect(scanned.status()).toBe(200);
  await expect(state).toHaveText('Conectado', { timeout: 15_000 });
  await expect(qr).toHaveCount(0);
});
