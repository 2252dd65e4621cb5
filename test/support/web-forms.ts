import { expect } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';

/** What a test types into one field, found by its label as a person would find it. */
export type Entry =
  string | boolean | { select: string } | { radio: string } | { check: string[] } | { rows: Record<string, Entry>[]; add: string };

// A label's accessible name also holds "(facultatif)" and DSFR's hint, which starts a new sentence.
const labelled = (label: string) => new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\(facultatif\\))?( ?[A-ZÀ-Ý0-9(«].*)?$`);

export function form(page: Page, name: string): Locator {
  return page.getByRole('form', { name });
}

async function fillOne(scope: Locator, label: string, value: Entry): Promise<void> {
  if (typeof value === 'string') return scope.getByLabel(labelled(label)).fill(value);
  if (typeof value === 'boolean') return scope.getByRole('checkbox', { name: labelled(label) }).setChecked(value, { force: true });
  if ('select' in value) {
    await scope.getByLabel(labelled(label)).selectOption({ label: value.select });
    return;
  }
  if ('radio' in value)
    return scope
      .getByRole('group', { name: labelled(label) })
      .getByText(value.radio, { exact: true })
      .click();
  if ('check' in value) {
    const group = scope.getByRole('group', { name: labelled(label) });
    for (const name of value.check) await group.getByText(name, { exact: true }).click();
    return;
  }
  for (const [i, row] of value.rows.entries()) {
    await scope.getByRole('button', { name: value.add }).click();
    const line = scope.getByRole('group', { name: `${label}, ligne ${i + 1}` });
    for (const [sub, v] of Object.entries(row)) await fillOne(line, `${sub} (ligne ${i + 1})`, v);
  }
}

export async function fill(scope: Locator, entries: Record<string, Entry>): Promise<void> {
  for (const [label, value] of Object.entries(entries)) await fillOne(scope, label, value);
}

export async function submit(scope: Locator): Promise<void> {
  await scope.locator('button[type=submit]').click();
}

/** The field named by its label shows this error, in DSFR's error state. */
export async function expectFieldError(scope: Locator, label: string, message: RegExp): Promise<void> {
  const group = scope.locator('.fr-input-group--error, .fr-select-group--error, .fr-fieldset--error').filter({ hasText: label });
  await group.first().waitFor({ timeout: 10_000 });
  expect(await group.first().innerText()).toMatch(message);
}

/** The form's own alert (a refusal not about one field). */
export async function expectFormError(scope: Locator, message: RegExp): Promise<void> {
  const alert = scope.locator('.fr-alert--error');
  await alert.first().waitFor({ timeout: 10_000 });
  expect(await alert.first().innerText()).toMatch(message);
}

export async function expectDone(scope: Locator): Promise<void> {
  await scope.locator('.fr-alert--success').waitFor({ timeout: 15_000 });
}
