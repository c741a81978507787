import { expect, owner, signIn, test } from '../e2e/fixtures';

/**
 * The week view with many bookings (BENCH_BOOKINGS, default 500): the demo clinic's real schedule, and
 * a bookings answer of that many CONFIRMED bookings over this week served to the page (the API would
 * answer them in one list_bookings page, one SQL statement). Times, with the page's clock: opening the
 * Calendar from the navigation until every booking is laid out, going to the next week and back, and
 * switching to the day view and back. BENCH_RUNS (default 5) of each; the median and worst are printed.
 * BENCH_CPU_SLOWDOWN (default 1) slows the page's CPU that many times (Chromium's CPU throttling), to
 * compare rendering changes as a busy or slower machine would see them.
 */
test('calendar week view with many bookings', async ({ page }) => {
  const count = Number(process.env.BENCH_BOOKINGS ?? 500);
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  const slowdown = Number(process.env.BENCH_CPU_SLOWDOWN ?? 1);
  await signIn(page, owner);
  const token = await page.evaluate(() => JSON.parse(localStorage.getItem('ai-assistants.session')!).token as string);
  const headers = { Authorization: `Bearer ${token}`, 'X-Project-Id': 'demo' };
  const professionals = (await (await page.request.get('/v1/admin/catalogue/professionals', { headers })).json()) as {
    id: string;
    name: string;
  }[];

  await page.route('**/v1/admin/calendar/bookings?*', async (route) => {
    const url = new URL(route.request().url());
    const from = Date.parse(url.searchParams.get('from')!);
    const bookings = Array.from({ length: count }, (_, i) => {
      const p = professionals[i % professionals.length]!;
      const day = Math.floor(i / professionals.length) % 7;
      const slot = Math.floor(i / (professionals.length * 7)) % 24; // 30-minute slots from 08:00
      const start = new Date(from + day * 86_400_000 + (11 * 60 + slot * 30) * 60_000);
      const end = new Date(start.getTime() + 30 * 60_000);
      return {
        id: `bench-${i}`,
        short_code: `B${String(i).padStart(5, '0')}`,
        status: 'CONFIRMED',
        service_id: 'svc',
        service_name: 'Consulta',
        professional_id: p.id,
        professional_name: p.name,
        customer_id: `+54911${String(10_000_000 + i)}`,
        customer_name: `Paciente ${i}`,
        start: start.toISOString(),
        end: end.toISOString(),
        local_start: start.toISOString().slice(0, 19),
        time_zone: 'America/Argentina/Buenos_Aires',
        notes: null,
        channel: 'whatsapp',
        created_at: start.toISOString(),
        updated_at: start.toISOString(),
        attendance: null,
      };
    });
    await route.fulfill({ json: { bookings, next_cursor: null } });
  });

  /** Clicks the buttons/links named (in the page, one after the other) and times until every booking is laid out. */
  const laidOut = (clicks: string[]) =>
    page.evaluate(
      ({ clicks, count }) =>
        new Promise<number>((resolve, reject) => {
          const started = performance.now();
          const done = () => document.querySelectorAll('.rbc-event').length === count;
          const observer = new MutationObserver(() => {
            if (!pending.length && done()) {
              observer.disconnect();
              resolve(performance.now() - started);
            }
          });
          observer.observe(document.body, { childList: true, subtree: true });
          const pending = [...clicks];
          const next = () => {
            const name = pending.shift();
            if (!name) return;
            const target = [...document.querySelectorAll<HTMLElement>('a, button')].find((e) => e.textContent?.trim() === name);
            if (!target) return reject(new Error(`no ${name}`));
            target.click();
            if (pending.length) setTimeout(next, 0);
          };
          next();
          setTimeout(() => reject(new Error('timed out')), 30_000);
        }),
      { clicks, count },
    );
  if (slowdown > 1) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  }
  const samples: Record<string, number[]> = { open: [], 'next week and back': [], 'day view and back': [] };
  for (let i = 0; i < runs; i++) {
    await page.getByRole('link', { name: 'Bandeja' }).click();
    await expect(page.locator('.rbc-event')).toHaveCount(0);
    samples.open!.push(await laidOut(['Agenda']));
    samples['next week and back']!.push(await laidOut(['Siguiente', 'Anterior']));
    await page.waitForTimeout(200);
    samples['day view and back']!.push(await laidOut(['Día por profesional', 'Semana']));
    await page.waitForTimeout(200);
  }
  for (const [name, values] of Object.entries(samples)) {
    const sorted = [...values].sort((a, b) => a - b);
    console.log(`calendar ${count} bookings${slowdown > 1 ? ` (CPU ${slowdown}× slower)` : ''}, ${name}: median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms, worst ${sorted.at(-1)!.toFixed(0)} ms (${runs} runs)`);
  }
});
