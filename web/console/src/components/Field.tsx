// Labelled inputs built on React Aria (labels, descriptions and errors wired for screen readers).
import { FieldError, Input, Label, Text, TextArea, TextField, type TextFieldProps } from 'react-aria-components';

interface FieldProps extends Omit<TextFieldProps, 'children'> {
  label: string;
  description?: string;
  errorMessage?: string;
  multiline?: boolean;
}

export function Field({ label, description, errorMessage, multiline, ...props }: FieldProps) {
  return (
    // Invalid when told so or given an error; otherwise left to the form, so that the server's refusals of a field
    // (a Form's validationErrors, by the field's name) show under it.
    <TextField className="field" {...props} isInvalid={props.isInvalid ?? (errorMessage ? true : undefined)}>
      <Label>{label}</Label>
      {multiline ? <TextArea rows={4} /> : <Input />}
      {description && <Text slot="description">{description}</Text>}
      <FieldError>{errorMessage}</FieldError>
    </TextField>
  );
}
