/**
 * What one tab tells the other tabs of the same origin about the device's session
 * (https://developer.mozilla.org/docs/Web/API/BroadcastChannel). A tab never hears its own messages.
 */
export type SessionMessage =
  /** This user's local data was deleted (sign-out, a locked account's data removed, another user signed in). */
  | { kind: 'signed-out'; userId: string }
  /** The server says this user's account is deactivated. */
  | { kind: 'locked'; userId: string }
  /** This user signed in again: the refresh cookie works again, waiting sync requests may go. */
  | { kind: 'signed-in-again'; userId: string };

const CHANNEL_NAME = 'fs-session';
const KINDS: readonly string[] = ['signed-out', 'locked', 'signed-in-again'] satisfies SessionMessage['kind'][];
const isKind = (kind: unknown): kind is SessionMessage['kind'] => typeof kind === 'string' && KINDS.includes(kind);

/** A message from another tab, checked: anything of another shape is ignored. */
export function parseSessionMessage(data: unknown): SessionMessage | undefined {
  if (typeof data !== 'object' || data === null || !('kind' in data) || !('userId' in data)) return undefined;
  const { kind, userId } = data;
  return isKind(kind) && typeof userId === 'string' ? { kind, userId } : undefined;
}

export function announceToOtherTabs(message: SessionMessage): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL_NAME);
  channel.postMessage(message);
  channel.close();
}

/** Calls `listener` with each message from another tab; returns the unsubscribe. */
export function listenToOtherTabs(listener: (message: SessionMessage) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL_NAME);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const message = parseSessionMessage(event.data);
    if (message) listener(message);
  };
  return () => channel.close();
}
