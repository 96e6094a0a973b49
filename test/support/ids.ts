let counter = 0;
/** A Discord-like snowflake that no other test uses. */
export const uniqueDiscordId = (): string => `${Date.now()}${process.pid % 1000}${(counter++).toString().padStart(4, '0')}`;
