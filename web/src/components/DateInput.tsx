/**
 * A date (or month) filter box that reads right in Arabic: text, year first as the API takes it,
 * with the order spelled in the interface language (placeholder «سنة-شهر-يوم», a hint for screen
 * readers) — not the browser's `<input type=date>`, which showed an Arabic reader «mm/dd/yyyy».
 * What is typed is read by `readDate` (web/src/dateInput.ts) when the box is left or Enter is
 * pressed: a date is sent (normalized, `2025-10-31`), text that is not one stays in the box with a
 * message saying what to write, and nothing is sent.
 */
import { useId, useState } from 'preact/hooks';
import { type DateKind, readDate } from '../dateInput.ts';
import { t } from '../i18n.ts';

export function DateInput({
  label,
  value,
  name,
  kind = 'day',
  onCommit,
}: {
  label: string;
  value: string;
  name: string;
  kind?: DateKind;
  onCommit: (value: string) => void;
}) {
  // The box follows the address when that changes (a chip removed, back), as the search box does.
  const [typed, setTyped] = useState(value);
  const [typedOf, setTypedOf] = useState(value);
  const [error, setError] = useState<string>();
  if (typedOf !== value) {
    setTypedOf(value);
    setTyped(value);
    setError(undefined);
  }
  const text = typedOf === value ? typed : value;
  const id = useId();
  const commit = (raw: string) => {
    const read = readDate(raw, kind);
    if ('error' in read) {
      const key = kind === 'month' ? 'monthBad' : read.error === 'calendar' ? 'dateNoSuchDay' : 'dateBad';
      // The text as typed, isolated: «2025-13-01» is not reordered by the Arabic around it.
      setError(t(key).replace('{value}', `\u2068${raw.trim()}\u2069`));
      return;
    }
    setError(undefined);
    setTyped(read.value);
    if (read.value !== value) onCommit(read.value);
  };
  return (
    <span class="date-field">
      <label>
        {label}{' '}
        <input
          type="text"
          class="date"
          name={name}
          dir="ltr"
          inputMode="numeric"
          autoComplete="off"
          spellcheck={false}
          size={kind === 'month' ? 8 : 11}
          value={text}
          placeholder={t(kind === 'month' ? 'monthShape' : 'dateShape')}
          title={t(kind === 'month' ? 'monthHelp' : 'dateHelp')}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          onInput={(e) => setTyped((e.target as HTMLInputElement).value)}
          onChange={(e) => commit((e.target as HTMLInputElement).value)}
        />
      </label>
      <span id={`${id}-hint`} class="visually-hidden">
        {t(kind === 'month' ? 'monthHelp' : 'dateHelp')}
      </span>
      {error ? (
        <span id={`${id}-error`} class="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}
