/** A bad setting: start-up stops with this message, which names the variable or file at fault. */
export class ConfigError extends Error {}
