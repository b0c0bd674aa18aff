import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { z } from 'zod';

import { AppError } from '../errors.js';
import { locationByCode } from '../knowledge/locations.js';
import { statusTextFor } from '../knowledge/statuses.js';
import { parseDuration } from './duration.js';

/**
 * A scenario is a set of simulated cases, each with the identifiers a person types into the form
 * and a lifecycle: status changes (a text variant of the knowledge base) and "Case Last Updated"
 * bumps that leave the status as it is, each at a time in seconds from the simulator's start.
 */
const Time = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const s = parseDuration(v);
  if (s === null) {
    ctx.addIssue({
      code: 'custom',
      message: `"${String(v)}" is not a time: use seconds or text like "21d", "-30d", "2d12h", "90m"`,
    });
    return z.NEVER;
  }
  return s;
});

const StepSchema = z
  .object({
    at: Time,
    /** A text variant of src/knowledge/statuses.ts, e.g. "refused_221g". */
    variant: z.string().optional(),
    /** Only "Case Last Updated" moves. */
    bump: z.literal(true).optional(),
  })
  .strict()
  .refine((s) => (s.variant === undefined) !== (s.bump === undefined), {
    message: 'each step has either "variant" (a status change) or "bump": true (Case Last Updated only)',
  });

const CaseSchema = z
  .object({
    label: z.string().optional(),
    app: z.enum(['NIV', 'IV']),
    location: z.string().optional(),
    id: z.string().min(1),
    passport: z.string().optional(),
    surname: z.string().optional(),
    applicationName: z.string().optional(),
    /** What the site says instead of a status, for an ID it no longer accepts (a purged case). */
    siteAnswer: z.literal('invalid_id').optional(),
    steps: z.array(StepSchema).min(1),
  })
  .strict();

const ScenarioSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().optional(),
    cases: z.array(CaseSchema).min(1),
  })
  .strict();

export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type Scenario = z.output<typeof ScenarioSchema>;
export type ScenarioCase = Scenario['cases'][number];
export type ScenarioStep = ScenarioCase['steps'][number];

export class ScenarioError extends AppError {
  override name = 'ScenarioError';
  override readonly code = 'scenario';
}

/** Validates a scenario: the schema, then the facts (known variants, posts, ordered steps, unique IDs). */
export function parseScenario(input: unknown, origin = 'scenario'): Scenario {
  const parsed = ScenarioSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ');
    throw new ScenarioError(`${origin} is not a valid scenario: ${problems}`);
  }
  const scenario = parsed.data;
  const problems: string[] = [];
  const seen = new Set<string>();
  scenario.cases.forEach((c, i) => {
    const where = `cases.${i} (${c.label ?? c.app})`;
    const key = caseKey(c.app, c.id);
    if (seen.has(key)) problems.push(`${where}: the case ID appears twice`);
    seen.add(key);
    if (c.app === 'NIV') {
      if (!c.location) problems.push(`${where}: an NIV case needs "location" (a CEAC code such as "BMB")`);
      else if (!locationByCode(c.location)) problems.push(`${where}: "${c.location}" is not a CEAC location code`);
    }
    if (c.steps[0]?.bump) problems.push(`${where}: the first step must be a status ("variant"), not a bump`);
    let last = -Infinity;
    c.steps.forEach((s, j) => {
      if (s.at < last) problems.push(`${where}.steps.${j}: steps must be in time order`);
      last = s.at;
      if (s.variant === undefined) return;
      const t = statusTextFor(s.variant);
      if (!t) problems.push(`${where}.steps.${j}: unknown text variant "${s.variant}"`);
      else if (!t.applicationTypes.includes(c.app))
        problems.push(`${where}.steps.${j}: "${s.variant}" is not shown for ${c.app} cases`);
    });
  });
  if (problems.length) throw new ScenarioError(`${origin}: ${problems.join('; ')}`);
  return scenario;
}

/** Cases are found by application type and ID, compared without case or spaces. */
export function caseKey(app: string, id: string): string {
  return `${app}:${normaliseCaseId(id)}`;
}

/** DV numbers are accepted with or without the leading zeros after the region (2019AF000012345). */
export function normaliseCaseId(id: string): string {
  const s = id.replace(/\s+/g, '').toUpperCase();
  const dv = /^(\d{4}[A-Z]{2})0*(\d+)$/.exec(s);
  return dv ? `${dv[1]}${dv[2]}` : s;
}

export function loadScenarioFile(path: string): Scenario {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ScenarioError(
      `cannot read scenario file ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ScenarioError(`scenario file ${path} is not valid JSON: ${(e as Error).message}`);
  }
  return parseScenario(json, path);
}

/** The shipped scenarios live beside the code (src/simulator/scenarios), also when run from dist/. */
export function shippedScenarioDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'scenarios'), join(here, '..', '..', 'src', 'simulator', 'scenarios')];
  for (const dir of candidates) {
    try {
      if (statSync(dir).isDirectory() && readdirSync(dir).some((f) => f.endsWith('.json'))) return dir;
    } catch {
      // try the next place
    }
  }
  throw new ScenarioError('the shipped scenarios were not found (src/simulator/scenarios)');
}

export function shippedScenarios(): Scenario[] {
  const dir = shippedScenarioDir();
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => loadScenarioFile(join(dir, f)));
}

/** Several scenarios served at once (the demo set); case IDs must stay unique across them. */
export function mergeScenarios(name: string, scenarios: Scenario[]): Scenario {
  return parseScenario({ name, cases: scenarios.flatMap((s) => s.cases) }, name);
}

/** A path to a file, a path to a folder of scenario files, or undefined for the shipped demo set. */
export function resolveScenario(source: Scenario | ScenarioInput | string | undefined): Scenario {
  if (source === undefined) return mergeScenarios('demo', shippedScenarios());
  if (typeof source !== 'string') return parseScenario(source);
  let isDir = false;
  try {
    isDir = statSync(source).isDirectory();
  } catch {
    // loadScenarioFile reports the missing file
  }
  if (!isDir) return loadScenarioFile(source);
  const files = readdirSync(source)
    .filter((f) => f.endsWith('.json'))
    .sort();
  if (!files.length) throw new ScenarioError(`no scenario files (*.json) in ${source}`);
  return mergeScenarios(
    source,
    files.map((f) => loadScenarioFile(join(source, f))),
  );
}
