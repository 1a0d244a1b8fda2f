import { z } from 'zod';
import { storage } from 'wxt/utils/storage';

export const settingsSchema = z.object({
  /** ISO 3166-1 alpha-2 country used to read numbers written in national format. */
  defaultCountry: z.string().regex(/^[A-Z]{2}$/),
  unknownPolicy: z.enum(['block', 'warn']),
  /** Age in hours after which the list no longer counts as current. */
  staleAfterHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30),
  showAllowedBadges: z.boolean(),
  apiUrl: z.string(),
  accessToken: z.string(),
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  defaultCountry: 'US',
  unknownPolicy: 'block',
  staleAfterHours: 24,
  showAllowedBadges: true,
  apiUrl: '',
  accessToken: '',
};

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
});

/**
 * Reads the settings, repairing any field that fails validation with its
 * default, so a bad stored value can never switch blocking off.
 */
export async function readSettings(): Promise<Settings> {
  return coerceSettings(await settingsItem.getValue());
}

export function coerceSettings(value: unknown): Settings {
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  if (value && typeof value === 'object') {
    for (const [key, fieldSchema] of Object.entries(settingsSchema.shape)) {
      const field = (value as Record<string, unknown>)[key];
      if (fieldSchema.safeParse(field).success) merged[key] = field;
    }
  }
  return settingsSchema.parse(merged);
}

export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = settingsSchema.parse({ ...(await readSettings()), ...patch });
  await settingsItem.setValue(next);
  return next;
}
