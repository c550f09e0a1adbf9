import fs from 'node:fs';
import { z } from 'zod';
import { defaultCalendarConfig, parseCalendarConfig } from '../time/bank-holidays.ts';
import { resolvePeriods } from '../time/periods.ts';
import { parseIntegrityRules } from './integrity-rules.ts';
import { ConfigError } from './config-error.ts';
import type { Config } from './config-types.ts';

const rulesFileSchema = z.strictObject({
  periods: z.unknown().optional(),
  calendar: z.unknown().optional(),
  integrity: z.unknown().optional(),
});

/** Periods and calendar from PROBITY_RULES_FILE over the defaults; a bad file stops start-up naming the problem. */
export function loadRules(file: string | undefined): Config['rules'] {
  if (!file) return { periods: resolvePeriods(), calendar: defaultCalendarConfig, integrity: parseIntegrityRules({}) };
  try {
    const raw = rulesFileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return {
      periods: resolvePeriods(raw.periods ?? {}),
      calendar: raw.calendar ? parseCalendarConfig(raw.calendar) : defaultCalendarConfig,
      integrity: parseIntegrityRules(raw.integrity ?? {}),
    };
  } catch (err) {
    throw new ConfigError(
      `Invalid rules file ${file}: ${err instanceof z.ZodError ? err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : (err as Error).message}`,
    );
  }
}
