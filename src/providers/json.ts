import type { z } from 'zod';

/** Parses an error body leniently: undefined when it is not JSON or not the expected shape. */
export function tryParseJson<S extends z.ZodType>(body: string, schema: S): z.output<S> | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
