/**
 * A small JSON Schema checker for the subset our OpenAPI 3.1 document uses (zod's output): $ref,
 * type (also as a list), properties/required/additionalProperties, items, enum, const, anyOf/oneOf/
 * allOf, minimum/maximum, pattern. Contract tests use it to hold every response to the document.
 */
type Schema = Record<string, unknown>;

export function checkAgainst(
  doc: { components?: { schemas?: Record<string, Schema> } },
  schema: Schema,
  value: unknown,
  path = '$',
): string[] {
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = doc.components?.schemas?.[name];
    if (!target) return [`${path}: unresolved ${schema.$ref}`];
    return checkAgainst(doc, target, value, path);
  }
  const errs: string[] = [];
  if (Array.isArray(schema.anyOf) || Array.isArray(schema.oneOf)) {
    const options = (schema.anyOf ?? schema.oneOf) as Schema[];
    if (!options.some((s) => checkAgainst(doc, s, value, path).length === 0))
      errs.push(`${path}: matches none of anyOf/oneOf (${JSON.stringify(value)?.slice(0, 80)})`);
  }
  if (Array.isArray(schema.allOf))
    for (const s of schema.allOf as Schema[]) errs.push(...checkAgainst(doc, s, value, path));
  if ('const' in schema && value !== schema.const) errs.push(`${path}: expected ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value))
    errs.push(`${path}: ${JSON.stringify(value)} not in enum`);
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    const actual = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
    const ok = types.some(
      (t) =>
        t === actual ||
        (t === 'integer' && typeof value === 'number' && Number.isInteger(value)) ||
        (t === 'number' && typeof value === 'number'),
    );
    if (!ok) return [...errs, `${path}: expected ${types.join('|')}, got ${actual}`];
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) errs.push(`${path}: below minimum`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) errs.push(`${path}: above maximum`);
  }
  if (typeof value === 'string' && typeof schema.pattern === 'string' && !new RegExp(schema.pattern).test(value))
    errs.push(`${path}: does not match ${schema.pattern}`);
  if (Array.isArray(value) && schema.items)
    value.forEach((v, i) => errs.push(...checkAgainst(doc, schema.items as Schema, v, `${path}[${i}]`)));
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const r of (schema.required ?? []) as string[]) if (!(r in obj)) errs.push(`${path}.${r}: required`);
    for (const [k, v] of Object.entries(obj)) {
      if (props[k]) errs.push(...checkAgainst(doc, props[k], v, `${path}.${k}`));
      else if (schema.additionalProperties === false) errs.push(`${path}.${k}: not in the document`);
      else if (schema.additionalProperties && typeof schema.additionalProperties === 'object')
        errs.push(...checkAgainst(doc, schema.additionalProperties as Schema, v, `${path}.${k}`));
    }
  }
  return errs;
}

/** The documented schema of one response, by path template, method and status. */
export function responseSchema(
  doc: {
    paths: Record<
      string,
      Record<string, { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> }>
    >;
  },
  path: string,
  method: string,
  status: number,
): Schema | null {
  const op = doc.paths[path]?.[method.toLowerCase()];
  if (!op) throw new Error(`the document has no ${method} ${path}`);
  const r = op.responses?.[String(status)];
  if (!r) throw new Error(`the document has no ${status} response for ${method} ${path}`);
  return r.content?.['application/json']?.schema ?? null;
}
