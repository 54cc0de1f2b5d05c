/** A clerk-facing error: what happened and what to do, with a retry that keeps focus on it. */
export function ErrorPanel({ message, retryText, onRetry }: { message: string; retryText: string; onRetry: () => void }) {
  return (
    <div className="error-panel" role="alert">
      <p>{message}</p>
      <button type="button" onClick={onRetry} autoFocus>
        {retryText}
      </button>
    </div>
  );
}
