import type { APIRequestContext, Page } from '@playwright/test';
import { checkPage, expect, owner, Phone, randomPhone, signIn, test } from './fixtures';

interface Slot {
  start: string;
  local_start: string;
  professional_id: string;
}

async function token(request: APIRequestContext, baseURL: string) {
  const login = await request.post(`${baseURL}/v1/admin/login`, { data: owner });
  expect(login.ok()).toBe(true);
  return ((await login.json()) as { access_token: string }).access_token;
}

/** The next day (after today) on which Dra. Pérez has at least six free slots of the service. */
async function freeDay(request: APIRequestContext, baseURL: string, bearer: string) {
  const headers = { Authorization: `Bearer ${bearer}`, 'X-Project-Id': 'demo' };
  const catalogue = (await (await request.get(`${baseURL}/v1/admin/catalogue/professionals`, { headers })).json()) as {
    id: string;
    name: string;
    service_ids: string[];
  }[];
  const perez = catalogue.find((p) => p.name.includes('Pérez'))!;
  const serviceId = perez.service_ids[0]!;
  for (let days = 1; days <= 14; days++) {
    const date = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    const answer = await request.get(
      `${baseURL}/v1/admin/calendar/slots?service_id=${serviceId}&professional_id=${perez.id}&date=${date}`,
      { headers },
    );
    const slots = ((await answer.json()) as { slots: Slot[] }).slots;
    if (slots.length >= 6) return { date, slots, perez, serviceId, headers };
  }
  throw new Error('no free day in two weeks');
}

/** The point of a wall time in a day-view column (the calendar's rows are 15-minute slots, hour groups). */
async function pointAt(page: Page, column: number, localTime: string) {
  const firstLabel = (await page.locator('.rbc-time-gutter .rbc-label').first().innerText()).trim();
  const hours = await page.locator('.rbc-time-gutter .rbc-timeslot-group').count();
  const box = (await page.locator('.rbc-time-content .rbc-day-slot').nth(column).boundingBox())!;
  const [h, m] = localTime.split(':').map(Number);
  const [h0] = firstLabel.split(':').map(Number);
  const minutes = (h! - h0!) * 60 + m!;
  return { x: box.x + box.width / 2, y: box.y + (minutes / (hours * 60)) * box.height + 6 };
}

test('book, move (also onto a time just taken) and cancel from the calendar; the patient is told', async ({
  page,
  context,
  request,
  baseURL,
}) => {
  test.setTimeout(240_000); // a busy machine: the stack, two pages and axe on four pages
  const bearer = await token(request, baseURL!);
  const { date, slots, perez, serviceId, headers } = await freeDay(request, baseURL!, bearer);
  const time = (slot: Slot) => slot.local_start.slice(11, 16);
  await signIn(page, owner);
  await page.goto(`/calendar?view=day&date=${date}`);
  await expect(page.getByText('Horarios en la zona horaria de la clínica: America/Argentina/Buenos_Aires')).toBeVisible();
  const columns = page.locator('.rbc-time-header .rbc-row-resource .rbc-header');
  // the day view lays out its professional columns once the catalogue has loaded; read them only then
  await expect(columns.filter({ hasText: 'Pérez' })).toBeVisible();
  const names = await columns.allInnerTexts();
  const column = names.findIndex((n) => n.includes('Pérez'));
  expect(column).toBeGreaterThanOrEqual(0);

  // click a free slot → book a new patient by phone, with a WhatsApp notice
  const first = await pointAt(page, column, time(slots[1]!));
  await page.mouse.click(first.x, first.y);
  const modal = page.getByRole('dialog', { name: 'Nuevo turno' });
  await expect(modal).toBeVisible();
  await expect(modal.getByLabel('Hora')).toHaveValue(time(slots[1]!));
  await modal.getByText('Paciente nuevo').click();
  const patient = randomPhone();
  const name = `Paula ${patient.slice(-4)}`;
  await modal.getByLabel('Teléfono de WhatsApp').fill(patient);
  await modal.getByLabel('Nombre').fill(name);
  await modal.getByRole('button', { name: 'Reservar' }).click();
  await expect(page.getByText(/se avisó al paciente por WhatsApp/)).toBeVisible();
  const event = page.locator('.rbc-event', { hasText: name });
  await expect(event).toBeVisible();
  await checkPage(page, 'calendar-day');

  const phone = new Phone(await context.newPage());
  await phone.open(patient);
  await expect(phone.received().last()).toContainText('te reservamos un turno');

  const bookingOf = async () => {
    const from = new Date(Date.parse(slots[0]!.start) - 86_400_000).toISOString();
    const to = new Date(Date.parse(slots[0]!.start) + 2 * 86_400_000).toISOString();
    const list = (await (
      await request.get(`${baseURL}/v1/admin/calendar/bookings?from=${from}&to=${to}`, { headers })
    ).json()) as { bookings: { id: string; customer_id: string; start: string; status: string }[] };
    return list.bookings.find((b) => b.customer_id === patient && b.status !== 'CANCELLED')!;
  };
  expect((await bookingOf()).start).toBe(new Date(slots[1]!.start).toISOString().replace('.000', ''));

  // drag it to a later free time
  // grab the event near its top and move the pointer by the distance between the two times
  let at = time(slots[1]!);
  const drag = async (to: string) => {
    const box = (await event.boundingBox())!;
    // half a 15-minute row more: the drop lands inside the target row, not on its edge
    const row = (await pointAt(page, column, '08:15')).y - (await pointAt(page, column, '08:00')).y;
    const dy = (await pointAt(page, column, to)).y - (await pointAt(page, column, at)).y + row / 2;
    await page.mouse.move(box.x + box.width / 2, box.y + 4);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + 4 + dy / 2, { steps: 6 });
    await page.mouse.move(box.x + box.width / 2, box.y + 4 + dy, { steps: 6 });
    await page.mouse.up();
  };
  await drag(time(slots[3]!));
  at = time(slots[3]!);
  await expect(page.getByText(/Turno .* movido/)).toBeVisible();
  await expect.poll(async () => Date.parse((await bookingOf()).start)).toBe(Date.parse(slots[3]!.start));

  // the bot takes a time; dragging onto it shows the server's alternatives
  const taken = await request.post(`${baseURL}/v1/admin/calendar/bookings`, {
    headers,
    data: {
      service_id: serviceId,
      professional_id: perez.id,
      start: slots[5]!.start,
      phone: randomPhone(),
      customer_name: 'Otro Paciente',
      notify_patient: false,
    },
  });
  expect(taken.status()).toBe(201);
  // the calendar has not refreshed yet when the drag starts only if the live event is slow; either way the
  // server refuses and offers the next free times
  await drag(time(slots[5]!));
  const alternatives = page.getByRole('dialog', { name: 'Ese horario se acaba de ocupar' });
  await expect(alternatives).toBeVisible();
  await checkPage(page, 'calendar-alternatives');
  await alternatives.getByRole('button', { name: /\d\d:\d\d/ }).first().click();
  await expect(page.getByText(/Turno .* movido/).first()).toBeVisible();

  // cancel with a reason; the patient is told
  await event.click();
  const drawer = page.getByRole('dialog', { name: 'Turno' });
  await expect(drawer.getByText('Movido').first()).toBeVisible();
  await expect(drawer.getByText(owner.email).first()).toBeVisible();
  await checkPage(page, 'calendar-drawer');
  await drawer.getByLabel('Motivo (opcional)').fill('la paciente llamó');
  await drawer.getByRole('button', { name: 'Cancelar turno' }).click();
  await expect(event).toHaveCount(0);
  await expect(phone.received().last()).toContainText('cancelamos tu turno');

  await page.goto(`/calendar?date=${date}`);
  await expect(page.locator('.rbc-time-view')).toBeVisible();
  await checkPage(page, 'calendar-week');
  await page.goto('/catalogue');
  await expect(page.getByRole('cell', { name: perez.name, exact: true })).toBeVisible();
  await checkPage(page, 'catalogue');
});
