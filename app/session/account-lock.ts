/**
 * The server said this device's user was deactivated (`account_inactive`). Kept in storage
 * because it says so only once: the refresh family is revoked with the answer, so after a reload
 * the server would only say "no session". A reload must show the lock screen, never the data.
 */
const LOCK_KEY = 'fs.accountInactive';

export function markAccountInactive(userId: string): void {
  localStorage.setItem(LOCK_KEY, userId);
}

export function isAccountInactive(userId: string): boolean {
  return localStorage.getItem(LOCK_KEY) === userId;
}

export function clearAccountLock(): void {
  localStorage.removeItem(LOCK_KEY);
}
