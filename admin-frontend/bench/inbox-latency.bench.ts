import { expect, owner, randomPhone, signIn, test } from '../e2e/fixtures';

/**
 * Patient message → Inbox: the Inbox has the conversation open; the page itself posts a patient message
 * to the simulator (as the Phone page does) and a MutationObserver notes when the text shows in the
 * thread. Both ends use the page's clock. BENCH_MESSAGES (default 60) messages, one at a time, one every
 * BENCH_PACE_MS (default 2100): a patient is allowed 30 messages a minute (backend-api's per-phone limit), and a
 * faster pace measures the limiter's 429s and the gateway's retries instead of the path.
 */
test('patient message → inbox latency', async ({ page }) => {
  const count = Number(process.env.BENCH_MESSAGES ?? 60);
  const pace = Number(process.env.BENCH_PACE_MS ?? 2100);
  await signIn(page, owner);
  const number = randomPhone();
  const token = await page.evaluate(() => JSON.parse(localStorage.getItem('ai-assistants.session')!).token as string);
  const send = (text: string) =>
    page.request.post(`/v1/admin/simulator/users/${encodeURIComponent(number)}/messages`, {
      headers: { Authorization: `Bearer ${token}` },
      data: { text },
    });
  expect((await send('hola')).status()).toBe(202);
  await page.goto('/inbox');
  await page.getByRole('list', { name: 'Conversaciones' }).getByRole('link').filter({ hasText: number.slice(-4) }).click();
  const thread = page.getByRole('log', { name: 'Mensajes' });
  await expect(thread.getByText('hola', { exact: true })).toBeVisible();

  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const text = `mensaje de prueba ${i} ${Math.random().toString(36).slice(2, 8)}`;
    const elapsed = await page.evaluate(
      async ({ text, number, token }) => {
        const log = document.querySelector('[role="log"]')!;
        const seen = new Promise<number>((resolve) => {
          const observer = new MutationObserver(() => {
            if (log.textContent?.includes(text)) {
              observer.disconnect();
              resolve(performance.now());
            }
          });
          observer.observe(log, { childList: true, subtree: true, characterData: true });
        });
        const start = performance.now();
        await fetch(`/v1/admin/simulator/users/${encodeURIComponent(number)}/messages`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ text }),
        });
        return (await seen) - start;
      },
      { text, number, token },
    );
    samples.push(elapsed);
    // the next message once the pace allows it (the bot's reply lands meanwhile)
    await page.waitForTimeout(Math.max(150, pace - elapsed));
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  console.log(
    `patient message → inbox over ${count} messages: p50 ${pct(50).toFixed(0)} ms, p95 ${pct(95).toFixed(0)} ms, ` +
      `p99 ${pct(99).toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms`,
  );
});
