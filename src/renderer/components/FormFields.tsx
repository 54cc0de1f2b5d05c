import type { FormField, FormSection } from '../../shared/procedures/fields';

export interface FormFieldsProps {
  readonly sections: readonly FormSection[];
  readonly fields: readonly FormField[];
  readonly values: Readonly<Record<string, string>>;
  /** Shown only for fields the clerk has left (touched) or after a failed submit. */
  readonly errors: ReadonlyMap<string, string>;
  readonly label: (text: { vi: string; en: string }) => string;
  readonly requiredText: string;
  readonly onChange: (key: string, value: string) => void;
  readonly onLeave: (key: string) => void;
}

function placeholderOf(field: FormField): string | undefined {
  if (field.type !== 'date') return undefined;
  return field.precision === 'year' ? 'YYYY' : field.precision === 'month' ? 'YYYY-MM' : 'YYYY-MM-DD';
}

/** The declaration as generated from the catalogue: sections in order, one input per field. */
export function FormFields(props: FormFieldsProps) {
  return (
    <div className="form-fields">
      {props.sections.map((section) => (
        <fieldset key={section.key}>
          <legend>{props.label(section.label)}</legend>
          {props.fields.filter((f) => f.section === section.key).map((f) => {
            const error = props.errors.get(f.key);
            const common = {
              id: `field-${f.key}`, 'data-testid': `field-${f.key}`, value: props.values[f.key] ?? '',
              'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `error-${f.key}` : undefined,
              onBlur: () => props.onLeave(f.key),
            } as const;
            return (
              <div key={f.key} className={`field field-${f.type}`}>
                <label htmlFor={`field-${f.key}`}>{props.label(f.label)}{f.required && <span className="req" title={props.requiredText}> *</span>}</label>
                {f.type === 'select' ? (
                  <select {...common} onChange={(e) => props.onChange(f.key, e.target.value)}>
                    <option value="" />
                    {f.options.map((o) => <option key={o.value} value={o.value}>{props.label(o.label)}</option>)}
                  </select>
                ) : (
                  <input {...common} maxLength={f.maxLength} placeholder={placeholderOf(f)}
                    inputMode={f.type === 'personal-id' || f.type === 'phone' || f.type === 'number' ? 'numeric' : undefined}
                    onChange={(e) => props.onChange(f.key, e.target.value)} />
                )}
                {error && <p className="field-error" id={`error-${f.key}`} role="alert">{error}</p>}
              </div>
            );
          })}
        </fieldset>
      ))}
    </div>
  );
}
