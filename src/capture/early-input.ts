import { keepUnsaved, readUnsaved } from '../storage/unsaved-text';
import { isSaveKey } from './save-key';

/** The key the capture box's unsaved text is kept under (as CaptureForm keeps it). */
export const CAPTURE_UNSAVED_KEY = 'capture';

/**
 * Before the app has taken over the capture form in the page's HTML, the box already takes
 * typing (it is a plain textarea). Enter and the Save button are held here instead of adding a
 * line or submitting the page, and handed to the app when it arrives, so a save asked for early
 * happens once the app can save. Kept tiny: this is in the first script, with nothing else.
 */
let asked = false;
let stop: (() => void) | null = null;

/**
 * Starts holding Enter and Save on the page's capture form. Until the app arrives, the text kept
 * unsaved from last time is put back in the box at once, every keystroke is kept as unsaved text
 * (a reload or a crash loses nothing), and a Shift or Tab switches the hint to the keys.
 */
export function holdEarlySaves(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('form.capture');
  const box = root.querySelector<HTMLTextAreaElement>('#capture-text');
  if (!form || !box) return;
  const kept = readUnsaved(CAPTURE_UNSAVED_KEY);
  if (kept && box.value === '') {
    box.value = kept;
    box.setSelectionRange(kept.length, kept.length);
  }
  const onInput = (): void => void keepUnsaved(CAPTURE_UNSAVED_KEY, box.value);
  const onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Shift' || e.key === 'Tab')
      form.querySelector('#capture-hint')?.setAttribute('data-keyboard', '');
    if (!isSaveKey(e)) return;
    e.preventDefault();
    asked = true;
  };
  const onSubmit = (e: Event): void => {
    e.preventDefault();
    asked = true;
  };
  box.addEventListener('input', onInput);
  box.addEventListener('keydown', onKey);
  form.addEventListener('submit', onSubmit);
  stop = () => {
    box.removeEventListener('input', onInput);
    box.removeEventListener('keydown', onKey);
    form.removeEventListener('submit', onSubmit);
  };
}

/** Stops holding, and says whether the writer asked to save before the app arrived. */
export function takeEarlySave(): boolean {
  stop?.();
  stop = null;
  const was = asked;
  asked = false;
  return was;
}

/** The flags as the writer set them in the page before the app arrived. */
export function earlyFlags(): { nextWeek: boolean; private: boolean } {
  const checked = (flag: string): boolean =>
    typeof document !== 'undefined' &&
    document.querySelector<HTMLInputElement>(`form.capture .flag.${flag} input`)?.checked === true;
  return { nextWeek: checked('next-week'), private: checked('private') };
}
