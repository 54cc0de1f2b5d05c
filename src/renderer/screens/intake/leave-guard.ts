/** What the shell may do with a form that has unsaved work when the clerk navigates away. */
export interface LeaveGuard {
  /** Writes the form as a draft now (instead of waiting for the autosave). */
  readonly save: () => Promise<void>;
  /** Throws the draft away. */
  readonly discard: () => Promise<void>;
}
