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
    <TextField className="field" {...props} isInvalid={props.isInvalid ?? Boolean(errorMessage)}>
      <Label>{label}</Label>
      {multiline ? <TextArea rows={4} /> : <Input />}
      {description && <Text slot="description">{description}</Text>}
      <FieldError>{errorMessage}</FieldError>
    </TextField>
  );
}
