import { checkPage, expect, owner, signIn, test } from './fixtures';

async function ownerToken(request: import('@playwright/test').APIRequestContext, baseURL: string | undefined) {
  const login = await request.post(`${baseURL}/v1/admin/login`, { data: owner });
  return ((await login.json()) as { access_token: string }).access_token;
}

async function savedFlow(request: import('@playwright/test').APIRequestContext, baseURL: string | undefined) {
  const token = await ownerToken(request, baseURL);
  const settings = await request.get(`${baseURL}/v1/admin/projects/demo/settings`, { headers: { Authorization: `Bearer ${token}` } });
  return ((await settings.json()) as { settings: { flow?: { greeting?: string | null; system_prompt?: string | null } } }).settings.flow ?? {};
}

test('an owner tries a changed greeting in the sandbox without saving it', async ({ page, request, baseURL }) => {
  await signIn(page, owner);
  const saved = await savedFlow(request, baseURL);
  await page.goto('/flows');
  // the activation codes' wa.me links use the number the WhatsApp connection reports (the simulator's, linked)
  await expect(page.getByTestId('clinic-number')).toContainText('+15555550100');
  const draft = `¡Hola! Soy el borrador de prueba (${Date.now()})`;
  await page.getByLabel('Saludo').fill(draft);

  const panel = page.getByRole('region', { name: 'Probalo' });
  await panel.getByRole('textbox', { name: 'Mensaje al borrador' }).fill('hola');
  await panel.getByRole('button', { name: 'Enviar' }).click();
  const transcript = panel.getByRole('log', { name: 'Conversación de prueba' });
  await expect(transcript.locator('[data-role="assistant"]').first()).toContainText(draft);
  await checkPage(page, 'flows-try-it');

  // nothing was saved, and the sandbox is nobody's conversation
  expect((await savedFlow(request, baseURL)).greeting ?? null).toBe(saved.greeting ?? null);
  await expect(page.getByRole('button', { name: 'Guardar', exact: true })).toBeEnabled();
  const token = await ownerToken(request, baseURL);
  const inbox = await request.get(`${baseURL}/v1/admin/conversations?q=${encodeURIComponent(draft)}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(((await inbox.json()) as { total: number }).total).toBe(0);

  // reset starts a new sandbox conversation
  await panel.getByRole('button', { name: 'Reiniciar' }).click();
  await expect(transcript.getByText(/Escribí un mensaje para empezar/)).toBeVisible();
  await expect(transcript.locator('[data-role]')).toHaveCount(0);
});

test('an owner restores an old system prompt version and it is the one in use', async ({ page, request, baseURL }) => {
  await signIn(page, owner);
  await page.goto('/flows');
  const stamp = Date.now();
  const old = `Sos la recepción de Clínica Demo.\nRespondé con detalle. (${stamp})`;
  const newer = `Sos la recepción de Clínica Demo.\nRespondé breve. (${stamp})`;
  const prompt = page.getByRole('textbox', { name: 'Prompt', exact: true });
  for (const text of [old, newer]) {
    await prompt.fill(text);
    await page.getByRole('button', { name: 'Guardar prompt' }).click();
    await expect(page.getByText('Prompt guardado').first()).toBeVisible();
    await expect(prompt).toHaveValue(text);
  }
  await expect.poll(async () => (await savedFlow(request, baseURL)).system_prompt).toBe(newer);

  // the diff compares the previous version with the current one; restore the previous one
  const diff = page.getByLabel('Diferencias entre las versiones');
  await expect(diff.locator('[data-change="removed"]')).toContainText('Respondé con detalle.');
  await expect(diff.locator('[data-change="added"]')).toContainText('Respondé breve.');
  await page.getByRole('button', { name: /^Restaurar v\d+$/ }).click();
  await expect(prompt).toHaveValue(old);
  await expect.poll(async () => (await savedFlow(request, baseURL)).system_prompt).toBe(old);
  await checkPage(page, 'flows-prompt-restored');

  // after a reload the restored prompt is the current one
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Prompt', exact: true })).toHaveValue(old);
});
