/** The volunteer's guided entry, one question at a time, in this order. */
export const volunteerSteps = ['procedure', 'fields', 'papers', 'review'] as const;
export type VolunteerStep = (typeof volunteerSteps)[number];

/** Labelled answers for the review step: every field with a value, in the catalogue's order. */
export function reviewRows(
  fields: readonly { readonly key: string; readonly type: string; readonly label: { vi: string; en: string }; readonly options?: readonly { value: string; label: { vi: string; en: string } }[] }[],
  values: Readonly<Record<string, string>>,
  pick: (text: { vi: string; en: string }) => string,
): { id: string; label: string; value: string }[] {
  return fields
    .filter((f) => (values[f.key] ?? '').trim() !== '')
    .map((f) => {
      const raw = values[f.key] ?? '';
      const option = f.type === 'select' ? f.options?.find((o) => o.value === raw) : undefined;
      return { id: f.key, label: pick(f.label), value: option ? pick(option.label) : raw };
    });
}
