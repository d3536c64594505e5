import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Driving the CodeMirror YAML editor (components/editor) like a user: its content element is
 * the labelled textbox; text is pasted with a real paste event (clipboardData), lines are
 * edited by clicking them and typing.
 */
export function editorBox(page: Page, label: string): Locator {
  return page.locator(`.cm-content[aria-label="${label}"]`);
}

/** Waits for CodeMirror (loaded lazily) to replace the placeholder. */
export async function editorReady(page: Page, label: string): Promise<Locator> {
  const box = editorBox(page, label);
  await expect(box).toBeVisible();
  return box;
}

export async function editorText(box: Locator): Promise<string> {
  return box.evaluate((el) => Array.from(el.querySelectorAll('.cm-line'), (l) => l.textContent ?? '').join('\n'));
}

/** Selects everything and pastes `text` through a paste event, as Ctrl+V would. */
export async function pasteInto(box: Locator, text: string): Promise<void> {
  await box.click();
  await box.page().keyboard.press('ControlOrMeta+a');
  await box.evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Replaces the end of the first line matching `line` (e.g. the value after "replicas: "). */
export async function retypeLineEnd(box: Locator, line: RegExp, remove: number, insert: string): Promise<void> {
  const target = box.locator('.cm-line').filter({ hasText: line }).first();
  await target.click();
  // Keys go to the focused editor (a line element itself cannot take focus).
  const keyboard = box.page().keyboard;
  await keyboard.press('End');
  for (let i = 0; i < remove; i++) await keyboard.press('Backspace');
  await keyboard.type(insert);
}

/** The problems list under the editor (text, one item per diagnostic). */
export function problems(page: Page): Locator {
  return page.getByRole('region', { name: 'Problems' });
}
