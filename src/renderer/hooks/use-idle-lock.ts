/**
 * Locks the screen after `ms` without a key, a click, a touch or a wheel turn, whether or not a
 * call reaches the core in that time (issue 13): a counter PC left with a dossier open must not
 * show it to the next person who walks up.
 */
import { useEffect } from 'react';

const activity = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

/** Fired on `window` just before the screen locks: a form saves what is typed while the core still answers. */
export const BEFORE_LOCK_EVENT = 'motcua:before-lock';

/**
 * The screen locks this long before the core would (the core counts from the last call, which is
 * never later than the last key), so a form's last save still gets through.
 */
export const SCREEN_LOCK_LEAD_MS = 30_000;

export function useIdleLock(active: boolean, ms: number, onIdle: () => void): void {
  useEffect(() => {
    if (!active) return;
    let timer = window.setTimeout(onIdle, ms);
    const restart = (): void => {
      window.clearTimeout(timer);
      timer = window.setTimeout(onIdle, ms);
    };
    for (const name of activity) window.addEventListener(name, restart, { capture: true, passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const name of activity) window.removeEventListener(name, restart, { capture: true });
    };
  }, [active, ms, onIdle]);
}
