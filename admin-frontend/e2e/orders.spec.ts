import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPage, expect, owner, Phone, randomPhone, signIn, test } from './fixtures';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const secret = 'e2e-order-hook-secret-0001';

/** A JDK 25's java (JAVA_HOME, else /usr/lib/jvm/*25*), as scripts/run-local.sh finds it. */
function java(): string {
  const home = process.env.JAVA_HOME;
  if (home && existsSync(join(home, 'bin', 'java')) && home.includes('25')) return join(home, 'bin', 'java');
  const jdk = readdirSync('/usr/lib/jvm').find((name) => name.includes('25'));
  return jdk ? join('/usr/lib/jvm', jdk, 'bin', 'java') : 'java';
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

/** The sample hook a new user runs (scripts/SampleOrderHook.java), on a free port, with this spec's secret. */
async function startSampleHook(): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  const child = spawn(java(), [join(root, 'scripts', 'SampleOrderHook.java')], {
    env: { ...process.env, ORDER_HOOK_PORT: String(port), ORDER_HOOK_SECRET: secret },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the sample hook did not start')), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('sample orders hook on')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`the sample hook exited (${code})`)));
  });
  return { url: `http://localhost:${port}/hook`, process: child };
}

test('an order question on the Phone is answered from the shop hook, and a claim shows on the customer page', async ({ page, context }) => {
  test.setTimeout(180_000);
  const hook = await startSampleHook();
  try {
    await signIn(page, owner);
    await page.goto('/settings');
    await page.getByLabel('URL del hook').fill(hook.url);
    await page.getByLabel('Secreto del hook').fill(secret);
    await page.getByRole('button', { name: 'Guardar hook' }).click();
    await expect(page.getByText('Hook guardado')).toBeVisible();
    await expect(page.getByText('Configurado')).toBeVisible();
    // the page settles (the settings are read again after the save) before it is checked
    await expect(page.getByLabel('Cargando…')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Guardar hook' })).toBeEnabled();
    await page.mouse.move(0, 0);
    await checkPage(page, 'settings-order-hook');

    const number = randomPhone();
    const phone = new Phone(await context.newPage());
    await phone.open(number);
    const where = await phone.say('hola! ¿dónde está mi pedido 1234?');
    expect(where).toContain('Pedido 1234');
    expect(where).toContain('Andreani');
    expect(where).toContain('AND-998877');
    expect(await phone.say('¿qué compré?')).toContain('Tus últimas compras');
    expect(await phone.say('quiero hacer un reclamo')).toMatch(/número de pedido/);
    expect(await phone.say('1234')).toMatch(/qué pasó con el pedido/);
    expect(await phone.say('Las medias llegaron rotas')).toMatch(/¿Lo confirmo\?/);
    const filed = await phone.say('sí');
    expect(filed).toMatch(/registré tu reclamo \*?CL-\d+/);
    const claimId = /CL-\d+/.exec(filed)![0];

    await page.goto(`/customers/${encodeURIComponent(number)}`);
    await expect(page.getByRole('heading', { name: 'Reclamos' })).toBeVisible();
    await expect(page.getByRole('cell', { name: claimId })).toBeVisible();
    await expect(page.getByText('Las medias llegaron rotas')).toBeVisible();
    await checkPage(page, 'customer-claims');
  } finally {
    hook.process.kill();
    // leave the project as the other journeys expect it: no hook
    await page.goto('/settings');
    const remove = page.getByRole('button', { name: 'Quitar hook' });
    if (await remove.isVisible()) {
      await remove.click();
      await expect(page.getByText('Sin configurar')).toBeVisible();
    }
  }
});
