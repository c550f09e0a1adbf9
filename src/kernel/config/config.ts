import os from 'node:os';
import path from 'node:path';
import { ConfigError } from './config-error.ts';
import type { Config } from './config-types.ts';
import { envSchema } from './env-schema.ts';
import { loadOidc } from './oidc-config.ts';
import { loadRules } from './rules-file.ts';

export { ConfigError } from './config-error.ts';
export type { Config, OidcConfig, RequestBudgetConfig, SignInThrottleConfig } from './config-types.ts';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const publicUrl = e.PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' ? 'localhost' : e.HOST}:${e.PORT}`;
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: publicUrl.replace(/\/$/, ''),
    database: e.DATABASE_URL
      ? { engine: 'pg', url: e.DATABASE_URL, poolSize: e.PROBITY_DB_POOL_SIZE }
      : {
          engine: 'pglite',
          dataDir: e.PROBITY_DATA_DIR === 'memory://' ? 'memory://' : path.resolve(e.PROBITY_DATA_DIR),
        },
    // The embedded database migrates itself: there is no one else to do it.
    autoMigrate: e.PROBITY_AUTO_MIGRATE === '1' || !e.DATABASE_URL,
    session: { idleMinutes: e.PROBITY_SESSION_IDLE_MINUTES, absoluteHours: e.PROBITY_SESSION_ABSOLUTE_HOURS },
    signInThrottle: {
      accountFailures: e.PROBITY_SIGNIN_FAILURES,
      addressFailures: e.PROBITY_SIGNIN_ADDRESS_FAILURES,
      windowMinutes: e.PROBITY_SIGNIN_WINDOW_MINUTES,
      delaySeconds: e.PROBITY_SIGNIN_DELAY_SECONDS,
      maxDelaySeconds: Math.max(e.PROBITY_SIGNIN_MAX_DELAY_SECONDS, e.PROBITY_SIGNIN_DELAY_SECONDS),
      deviceDays: e.PROBITY_SIGNIN_DEVICE_DAYS,
    },
    signInRatePerMinute: e.PROBITY_SIGNIN_RATE_PER_MINUTE,
    setupLinkHours: e.PROBITY_SETUP_LINK_HOURS,
    trustProxy: e.PROBITY_TRUST_PROXY === '' ? [] : e.PROBITY_TRUST_PROXY.split(',').map((a) => a.trim()),
    cookieSecure: e.PROBITY_COOKIE_SECURE ? e.PROBITY_COOKIE_SECURE === '1' : publicUrl.startsWith('https:'),
    maxUploadBytes: Math.floor(e.PROBITY_MAX_UPLOAD_MB * 1024 * 1024),
    caseListCountLimit: e.PROBITY_CASE_LIST_COUNT_LIMIT,
    logLevel: e.LOG_LEVEL,
    requestBudget: {
      statementTimeoutMs: e.PROBITY_STATEMENT_TIMEOUT_MS,
      budgetMs: e.PROBITY_REQUEST_BUDGET_MS,
      active: e.PROBITY_ADMISSION_ACTIVE ?? (e.DATABASE_URL ? e.PROBITY_DB_POOL_SIZE : 4),
      queue: e.PROBITY_ADMISSION_QUEUE,
      waitMs: e.PROBITY_ADMISSION_WAIT_MS,
    },
    auditCheckpoint: {
      ...(e.PROBITY_AUDIT_SIGNING_KEY_FILE ? { keyFile: e.PROBITY_AUDIT_SIGNING_KEY_FILE } : {}),
      ...(e.PROBITY_AUDIT_SIGNING_KEY ? { key: e.PROBITY_AUDIT_SIGNING_KEY } : {}),
      ...(e.PROBITY_AUDIT_CHECKPOINT_FILE ? { file: path.resolve(e.PROBITY_AUDIT_CHECKPOINT_FILE) } : {}),
      ...(e.PROBITY_AUDIT_CHECKPOINT_SYSLOG ? { syslog: e.PROBITY_AUDIT_CHECKPOINT_SYSLOG } : {}),
      cron: e.PROBITY_AUDIT_CHECKPOINT_CRON,
    },
    reporting: {
      ...(e.PROBITY_REPORTING_KEY_FILE ? { keyFile: path.resolve(e.PROBITY_REPORTING_KEY_FILE) } : {}),
      ...(e.PROBITY_REPORTING_KEY ? { key: e.PROBITY_REPORTING_KEY } : {}),
    },
    metricsToken: e.PROBITY_METRICS_TOKEN,
    rules: loadRules(e.PROBITY_RULES_FILE),
    scheduler: {
      enabled: e.PROBITY_SCHEDULER === '1',
      sweepCron: e.PROBITY_SWEEP_CRON,
      digestCron: e.PROBITY_DIGEST_CRON,
      retrySeconds: e.PROBITY_SWEEP_RETRY_SECONDS,
      attempts: e.PROBITY_SWEEP_ATTEMPTS,
      instanceId: e.PROBITY_INSTANCE_ID ?? `${os.hostname()}-${process.pid}`,
    },
    mail: {
      smtpUrl: e.PROBITY_SMTP_URL ?? null,
      from: e.PROBITY_MAIL_FROM,
      outboxSeconds: e.PROBITY_OUTBOX_SECONDS,
      maxAttempts: e.PROBITY_OUTBOX_MAX_ATTEMPTS,
    },
    reminders: {
      workingDaysBefore: [...new Set(e.PROBITY_REMINDER_WORKING_DAYS.split(',').map((d) => Number(d.trim())))].sort(
        (a, b) => b - a,
      ),
      escalationWorkingDays: e.PROBITY_ESCALATION_WORKING_DAYS,
    },
    oidc: loadOidc(e, publicUrl.replace(/\/$/, '')),
  };
}
