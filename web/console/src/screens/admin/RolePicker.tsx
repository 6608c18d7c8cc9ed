// The officer roles as a labelled group of checkboxes.
import { Checkbox, CheckboxGroup, Label } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Officer } from '../../app/session.tsx';

export type Role = Officer['roles'][number];
export const ROLES: readonly Role[] = [
  'case-officer',
  'validating-officer',
  'id-proofing-expert',
  'team-leader',
  'administrator',
];

export function RolePicker({
  label,
  value,
  onChange,
}: {
  label: string;
  value: Role[];
  onChange(roles: Role[]): void;
}) {
  const { t } = useTranslation();
  return (
    <CheckboxGroup
      className="role-picker"
      value={value}
      onChange={(roles) => onChange(roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r)))}
    >
      <Label className="field-label">{label}</Label>
      {ROLES.map((role) => (
        <Checkbox key={role} value={role} className="checkbox">
          <span className="checkbox-box" aria-hidden="true" />
          {t(`roles.${role}`)}
        </Checkbox>
      ))}
    </CheckboxGroup>
  );
}
