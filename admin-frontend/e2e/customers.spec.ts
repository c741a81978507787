import { readFileSync } from 'node:fs';
import { checkPage, expect, owner, Phone, randomPhone, signIn, test } from './fixtures';

test('an owner finds a patient, forgets what the bot remembers, exports their data and erases them', async ({
  page,
  context,
  request,
  baseURL,
}) => {
  await signIn(page, owner);
  // a patient books on the Phone (a console page: signed in first): a conversation, a remembered name and a booking
  const number = randomPhone();
  const phone = new Phone(await context.newPage());
  await phone.open(number);
  await phone.say('Hola');
  expect(await phone.say('Quiero sacar un turno')).toMatch(/nombre/i);
  expect(await phone.say('Me llamo Rosa Borrable')).toContain('Limpieza dental');
  expect(await phone.say('limpieza')).toMatch(/día/);
  await phone.say('el martes');
  expect(await phone.say('1')).toMatch(/Confirmás/);
  expect(await phone.say('sí')).toMatch(/confirmado/);

  await page.goto('/customers');
  await page.getByLabel('Buscar').fill(number.slice(-8));
  const list = page.getByRole('navigation', { name: 'Pacientes' });
  await list.getByRole('link', { name: /^Rosa Borrable/ }).filter({ hasText: number }).click();
  await expect(page.getByRole('heading', { name: 'Rosa Borrable' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Próximos turnos' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Confirmado' })).toBeVisible();
  await checkPage(page, 'customers');

  // forget one remembered item
  const remembered = page.getByRole('row').filter({ hasText: 'Rosa Borrable' });
  await expect(remembered).toHaveCount(1);
  await remembered.getByRole('button', { name: /^Olvidar / }).click();
  await expect(remembered).toHaveCount(0);
  await expect(page.getByText(/Memoria olvidada/)).toBeVisible();

  // export: a JSON file with the conversation, its messages and the booking
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exportar datos (JSON)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^customer-\d+-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
    customer_id: string;
    conversations: { customer_name: string; messages: { text: string }[] }[];
    bookings: { customer_name: string; status: string }[];
    booking_events: unknown[];
  };
  expect(exported.customer_id).toBe(number);
  expect(exported.conversations[0]!.messages.map((m) => m.text)).toContain('Me llamo Rosa Borrable');
  expect(exported.bookings).toHaveLength(1);
  expect(exported.bookings[0]!.customer_name).toBe('Rosa Borrable');

  // erase: gone from the list and the API; the audit keeps the request without the person
  await page.getByRole('button', { name: 'Borrar paciente' }).click();
  // the remembered name was forgotten: the dialog names the patient by their WhatsApp profile name
  const dialog = page.getByRole('dialog', { name: /^¿Borrar a .+\?$/ });
  await checkPage(page, 'customers-erase');
  await dialog.getByRole('button', { name: 'Borrar definitivamente' }).click();
  await expect(page.getByText('Paciente borrado')).toBeVisible();
  await expect(page).toHaveURL(/\/customers$/);
  await page.getByLabel('Buscar').fill(number.slice(-8));
  await expect(page.getByText('No se encontraron pacientes')).toBeVisible();

  const login = await request.post(`${baseURL}/v1/admin/login`, { data: owner });
  const token = ((await login.json()) as { access_token: string }).access_token;
  const profile = await request.get(`${baseURL}/v1/admin/customers/${encodeURIComponent(number)}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(profile.status()).toBe(404);
  // searched by this patient's number (a name may be another run's patient on a reused stack)
  const inbox = await request.get(`${baseURL}/v1/admin/conversations?q=${encodeURIComponent(number.slice(-8))}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(((await inbox.json()) as { total: number }).total).toBe(0);
});
