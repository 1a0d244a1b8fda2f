import { dateInputValue } from './date-input';

/** Renders a date field that offers no day after today, for dates of things already done. */
export function PastDateInput({
  id,
  value,
  min,
  onChange,
}: {
  id: string;
  value: string;
  min?: string;
  onChange: (value: string) => void;
}) {
  return (
    <input
      id={id}
      type="date"
      required
      min={min}
      max={dateInputValue(new Date())}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
