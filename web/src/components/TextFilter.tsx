/**
 * A filter box of free text (an actor, a country), sent when the box is left or Enter is pressed —
 * not at every key, which reloaded the page under the typing. The box follows the address when
 * that changes (a link, back), as the date boxes do (DateInput.tsx).
 */
import { useState } from 'preact/hooks';

export function TextFilter({
  label,
  value,
  name,
  list,
  hint,
  onCommit,
}: {
  label: string;
  value: string;
  name: string;
  /** The id of a <datalist> of suggestions. */
  list?: string;
  hint?: string;
  onCommit: (value: string) => void;
}) {
  const [typed, setTyped] = useState(value);
  const [typedOf, setTypedOf] = useState(value);
  if (typedOf !== value) {
    setTypedOf(value);
    setTyped(value);
  }
  const commit = (raw: string) => {
    const v = raw.trim();
    if (v !== value) onCommit(v);
  };
  return (
    <label>
      {label}{' '}
      <input
        type="search"
        name={name}
        size={14}
        autoComplete="off"
        value={typedOf === value ? typed : value}
        list={list}
        title={hint}
        placeholder={hint}
        onInput={(e) => setTyped((e.target as HTMLInputElement).value)}
        onChange={(e) => commit((e.target as HTMLInputElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit((e.target as HTMLInputElement).value);
        }}
      />
    </label>
  );
}
