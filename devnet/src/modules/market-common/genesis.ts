import { z } from "zod";

/** Genesis sections are user input (devnet config): validate with zod and name the key and the fix on error. */
export const coinSchema = z.object({ denom: z.string().regex(/^[a-zA-Z][a-zA-Z0-9/:._-]{2,127}$/), amount: z.string().regex(/^\d+$/) });

export function parseGenesis<T>(module: string, schema: z.ZodType<T>, genesis: unknown, example: string): T {
  const parsed = schema.safeParse(genesis ?? {});
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `genesis.${module}.${i.path.join(".")}: ${i.message}`).join("; ");
  throw new Error(`invalid ${module} genesis: ${issues} (expected e.g. ${example})`);
}
