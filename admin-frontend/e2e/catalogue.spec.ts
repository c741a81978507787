import type { APIRequestContext } from '@playwright/test';
import { checkPage, expect, owner, Phone, randomPhone, signIn, test } from './fixtures';

/**
 * The catalogue reaches the assistant: what staff change on the Clinic page is what a patient is offered
 * on the Phone. Both journeys wait on conditions (the slots API, the bot's answer), never on a sleep;
 * mcp-calendar reuses mcp-professionals' answers for a few seconds, so the slots API is polled until it
 * shows the change before the patient asks.
 */

interface Slot {
  start: string;
  end: string;
  local_start: string;
}

interface Clinic {
  headers: Record<string, string>;
  perez: { id: string; name: string };
  cleaning: { id: string; name: string; description: string | null; duration_minutes: number; buffer_minutes: number; price: number | null; currency: string | null; active: boolean; professional_ids: string[] };
}

async function clinic(request: APIRequestContext, baseURL: string): Promise<Clinic> {
  const login = await request.post(`${baseURL}/v1/admin/login`, { data: owner });
  expect(login.ok()).toBe(true);
  const token = ((await login.json()) as { access_token: string }).access_token;
  const headers = { Authorization: `Bearer ${token}`, 'X-Project-Id': 'demo' };
  const professionals = (await (await request.get(`${baseURL}/v1/admin/catalogue/professionals`, { headers })).json()) as {
    id: string;
    name: string;
  }[];
  const services = (await (await request.get(`${baseURL}/v1/admin/catalogue/services`, { headers })).json()) as Clinic['cleaning'][];
  return {
    headers,
    perez: professionals.find((p) => p.name.includes('Pérez'))!,
    cleaning: services.find((s) => s.name === 'Limpieza dental')!,
  };
}

async function slots(request: APIRequestContext, baseURL: string, c: Clinic, date: string): Promise<Slot[]> {
  const answer = await request.get(
    `${baseURL}/v1/admin/calendar/slots?service_id=${c.cleaning.id}&professional_id=${c.perez.id}&date=${date}`,
    { headers: c.headers },
  );
  expect(answer.ok()).toBe(true);
  return ((await answer.json()) as { slots: Slot[] }).slots;
}

/** The first day, `fromDays` days ahead or later, on which Dra. Pérez has free cleaning slots in the morning and afternoon. */
async function freeDay(request: APIRequestContext, baseURL: string, c: Clinic, fromDays: number) {
  for (let days = fromDays; days <= fromDays + 14; days++) {
    const date = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    const free = await slots(request, baseURL, c, date);
    const hours = free.map((s) => Number(s.local_start.slice(11, 13)));
    if (hours.filter((h) => h < 13).length >= 3 && hours.some((h) => h >= 14)) return { date, free };
  }
  throw new Error('no free day in two weeks');
}

const time = (slot: Slot) => slot.local_start.slice(11, 16);
/** "10/12" for 2026-12-10: how the assistant writes a date. */
const dayMonth = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}`;

/** A new patient asks the assistant for a cleaning on `date`; returns the bot's list of free times. */
async function askForCleaning(phone: Phone, date: string) {
  await phone.open(randomPhone());
  await phone.say('Hola');
  expect(await phone.say('Quiero sacar un turno')).toMatch(/nombre/i);
  expect(await phone.say('Me llamo Ana Prueba')).toContain('Limpieza dental');
  expect(await phone.say('limpieza')).toMatch(/día/);
  return phone.say(date);
}

test('time off added on the Clinic page stops the assistant offering those hours', async ({ page, context, request, baseURL }) => {
  test.setTimeout(240_000);
  const c = await clinic(request, baseURL!);
  const { date, free } = await freeDay(request, baseURL!, c, 2);
  const morning = free.filter((s) => Number(time(s).slice(0, 2)) < 13);
  await signIn(page, owner); // the Phone is a console page
  const phone = new Phone(await context.newPage());
  const before = await askForCleaning(phone, date);
  expect(before).toContain(`${dayMonth(date)} ${time(morning[0]!)}`);

  // the morning off, typed in the clinic's wall time
  await page.goto('/catalogue');
  await page.getByRole('button', { name: `Horarios de ${c.perez.name}` }).click();
  const drawer = page.getByRole('dialog', { name: `Horarios de ${c.perez.name}` });
  await drawer.getByLabel('Desde', { exact: true }).fill(`${date}T08:00`);
  await drawer.getByLabel('Hasta', { exact: true }).fill(`${date}T13:00`);
  await drawer.getByLabel('Motivo', { exact: true }).fill('trámite personal');
  await drawer.getByRole('button', { name: 'Agregar ausencia' }).click();
  await expect(drawer.getByText(/trámite personal/)).toBeVisible();
  await checkPage(page, 'catalogue-hours');

  // mcp-calendar sees it once its directory cache turns over (seconds)
  await expect
    .poll(async () => (await slots(request, baseURL!, c, date)).filter((s) => Number(time(s).slice(0, 2)) < 13).length, {
      timeout: 30_000,
    })
    .toBe(0);
  const after = await askForCleaning(phone, date);
  for (const slot of morning) expect(after).not.toContain(`${dayMonth(date)} ${time(slot)}`);
  const afternoon = free.find((s) => Number(time(s).slice(0, 2)) >= 14)!;
  expect(after).toContain(`${dayMonth(date)} ${time(afternoon)}`);
});

test("a service's new duration changes the times the assistant offers", async ({ page, context, request, baseURL }) => {
  test.setTimeout(240_000);
  const c = await clinic(request, baseURL!);
  const { date, free } = await freeDay(request, baseURL!, c, 9);
  const shorter = c.cleaning.duration_minutes - 15;
  // the first morning slot and the one a shorter service would add right after it
  const first = free[0]!;
  const next = new Date(Date.parse(first.start) + (shorter + c.cleaning.buffer_minutes) * 60_000);
  const nextTime = new Intl.DateTimeFormat('es-AR', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'America/Argentina/Buenos_Aires',
  }).format(next);
  expect(free.map(time)).not.toContain(nextTime);

  await signIn(page, owner); // the Phone is a console page
  const phone = new Phone(await context.newPage());
  const before = await askForCleaning(phone, date);
  expect(before).toContain(`${dayMonth(date)} ${time(first)}`);
  expect(before).not.toContain(`${dayMonth(date)} ${nextTime}`);

  await page.goto('/catalogue');
  await page.getByRole('tab', { name: 'Servicios' }).click();
  await page.getByRole('button', { name: `Editar ${c.cleaning.name}` }).click();
  const form = page.getByRole('dialog', { name: 'Editar servicio' });
  await form.getByLabel('Duración (min)').fill(String(shorter));
  await form.getByRole('button', { name: 'Guardar' }).click();
  await expect(form).toHaveCount(0);
  await expect(page.getByRole('row', { name: new RegExp(c.cleaning.name) })).toContainText(`${shorter} min`);
  try {
    await expect
      .poll(async () => {
        const now = await slots(request, baseURL!, c, date);
        return now.length ? (Date.parse(now[0]!.end) - Date.parse(now[0]!.start)) / 60_000 : null;
      }, { timeout: 30_000 })
      .toBe(shorter);
    const after = await askForCleaning(phone, date);
    expect(after).toContain(`${dayMonth(date)} ${time(first)}`);
    expect(after).toContain(`${dayMonth(date)} ${nextTime}`);
  } finally {
    // the other journeys expect the demo clinic's catalogue as it was
    const { id, ...body } = c.cleaning;
    await request.put(`${baseURL}/v1/admin/catalogue/services/${id}`, { headers: c.headers, data: body });
  }
});
