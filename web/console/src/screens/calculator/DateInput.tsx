// A labelled date box (the browser's own date picker, keyboard usable), with its hint tied to it for screen readers.
import { useId } from 'react';

interface DateInputProps {
  label: string;
  value: string;
  onChange(value: string): void;
  description?: string;
  required?: boolean;
  errorMessage?: string | undefined;
}

export function DateInput({ label, value, onChange, description, required, errorMessage }: DateInputProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="date"
        value={value}
        required={required}
        aria-invalid={errorMessage ? true : undefined}
        aria-describedby={
          [description && `${id}-help`, errorMessage && `${id}-error`].filter(Boolean).join(' ') || undefined
        }
        onChange={(event) => onChange(event.target.value)}
      />
      {description && (
        <span id={`${id}-help`} slot="description">
          {description}
        </span>
      )}
      {errorMessage && (
        <span id={`${id}-error`} className="field-error">
          {errorMessage}
        </span>
      )}
    </div>
  );
}
