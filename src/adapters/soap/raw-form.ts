// getFields' sourceFields/rawData: the source's input form as XHTML text (research §2.3), built from the same
// field list as sourceFields/fieldList. The serializer escapes it into the SOAP body as greenID does.
import { create } from 'xmlbuilder2';
import type { FieldV3 } from '../../domain/verification/types.ts';

export function renderSourceForm(fields: readonly FieldV3[]): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const root = doc.ele('sourcefields');
  for (const field of fields) {
    const row = root.ele('div', { class: 'row' }).ele('div', { class: 'form-group' });
    const classes = field.attribute.filter((pair) => pair.name === 'class').map((pair) => pair.value);
    const required = classes.some((value) => value.split(/\s+/).includes('required'));
    const attributes: Record<string, string> = { id: field.name, name: field.name };
    for (const pair of field.attribute) if (pair.name !== 'class') attributes[pair.name] = pair.value;
    attributes['class'] = ['form-control', ...classes].join(' ');
    if (required) attributes['aria-required'] = 'true';
    if (field.type === 'checkbox') {
      const label = row.ele('label', { for: field.name });
      label.ele('input', { ...attributes, type: 'checkbox', ...(field.value === 'on' ? { checked: 'checked' } : {}) });
      label.txt(` ${field.label}`);
    } else if (field.type === 'select') {
      row.ele('label', { for: field.name }).txt(field.label);
      const select = row.ele('select', attributes);
      for (const item of field.selectItem) {
        select
          .ele('option', { value: item.value, ...(item.value === field.value ? { selected: 'selected' } : {}) })
          .txt(item.name);
      }
    } else {
      row.ele('label', { for: field.name }).txt(field.label);
      row.ele('input', { ...attributes, type: field.type, value: field.value });
    }
  }
  return doc.end({ headless: false });
}
