/** The two flags a moment can carry. */
export interface Flags {
  nextWeek: boolean;
  private: boolean;
}

/** "Next week" and "Private" checkboxes, for capturing and for editing a moment. */
export function FlagToggles({
  flags,
  onChange,
}: {
  flags: Flags;
  onChange: (flags: Flags) => void;
}) {
  return (
    <>
      <label class="flag">
        <input
          type="checkbox"
          checked={flags.nextWeek}
          onChange={(e) => onChange({ ...flags, nextWeek: e.currentTarget.checked })}
        />
        Next week
      </label>
      <label class="flag">
        <input
          type="checkbox"
          checked={flags.private}
          onChange={(e) => onChange({ ...flags, private: e.currentTarget.checked })}
        />
        Private
      </label>
    </>
  );
}

/** Enter saves, Shift+Enter (or Enter while composing text in an IME) adds a line. */
export function isSaveKey(e: KeyboardEvent): boolean {
  return e.key === 'Enter' && !e.shiftKey && !e.isComposing;
}
