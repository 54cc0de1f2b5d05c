export interface StepListProps {
  readonly label: string;
  readonly steps: readonly { readonly id: string; readonly title: string }[];
  readonly current: number;
}

/** "1 Chọn thủ tục › 2 Điền thông tin › …" with the current step marked for screen readers. */
export function StepList({ label, steps, current }: StepListProps) {
  return (
    <ol className="volunteer-steps" aria-label={label}>
      {steps.map((s, i) => (
        <li key={s.id} aria-current={i === current ? 'step' : undefined} className={i < current ? 'done' : undefined}>
          <span className="step-no">{i + 1}</span> {s.title}
        </li>
      ))}
    </ol>
  );
}
