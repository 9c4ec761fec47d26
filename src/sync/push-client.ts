/**
 * The relay's reminder API from the phone: the VAPID key to subscribe with, and the instants
 * (never the talks) the phone wants a push at. Errors carry a message safe to show.
 */

/** A push subscription as PushSubscription.toJSON() gives it. */
export interface SubscriptionJson {
  endpoint?: string;
  expirationTime?: number | null;
  keys?: Record<string, string>;
}

async function reason(res: Response): Promise<string> {
  try {
    return ((await res.json()) as { error?: string }).error ?? `HTTP ${res.status}`;
  } catch {
    return `HTTP ${res.status}`;
  }
}

/** The relay's VAPID public key (base64url). */
export async function fetchPushKey(relayUrl: string, fetcher: typeof fetch): Promise<string> {
  const res = await fetcher(new URL('/api/push/key', relayUrl).href);
  if (!res.ok) throw new Error(`The relay cannot send reminders (${await reason(res)}).`);
  const { publicKey } = (await res.json()) as { publicKey?: unknown };
  if (typeof publicKey !== 'string') throw new Error('The relay sent no reminder key.');
  return publicKey;
}

/** Replaces the instants the relay pushes this subscription at. */
export async function sendReminderTimes(
  relayUrl: string,
  fetcher: typeof fetch,
  subscription: SubscriptionJson,
  times: readonly number[],
): Promise<void> {
  const res = await fetcher(new URL('/api/push/subscription', relayUrl).href, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      subscription: {
        endpoint: subscription.endpoint,
        expirationTime: subscription.expirationTime ?? null,
        keys: subscription.keys,
      },
      times,
    }),
  });
  if (!res.ok) throw new Error(`The relay did not take the reminder times: ${await reason(res)}`);
}

/** Tells the relay to forget this subscription (reminders off). */
export async function forgetSubscription(
  relayUrl: string,
  fetcher: typeof fetch,
  endpoint: string,
): Promise<void> {
  const res = await fetcher(new URL('/api/push/subscription', relayUrl).href, {
    method: 'DELETE',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ endpoint }),
  });
  if (!res.ok) throw new Error(`The relay did not forget the reminders: ${await reason(res)}`);
}
