import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Lookup = Storage['getTargetValidationMetadatas'];

let installed = false;

/**
 * Remembers class-validator's validation rules per class. type-graphql validates every argument
 * object of every call (`validate: true`), and class-validator looks the rules up anew each time:
 * a filter of every rule of the class and a walk over every class that has rules (`instanceof`,
 * some hundreds here). That was ~2 % of the CPU of a list request for its one `first`/`after`
 * argument. The rules of a class are fixed once its module has loaded, so the lookup is kept per
 * class and options, and forgotten whenever a rule is added. Lookups by validation groups (not used
 * here) are not kept.
 */
export function rememberValidationRules(): void {
  if (installed) return;
  installed = true;
  const storage = getMetadataStorage();
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const kept = new Map<Function | string, Map<string, ReturnType<Lookup>>>();
  for (const adds of ['addValidationMetadata', 'addConstraintMetadata', 'addValidationSchema'] as const) {
    const add = (storage[adds] as (...args: unknown[]) => void).bind(storage);
    (storage as unknown as Record<string, unknown>)[adds] = (...args: unknown[]) => {
      kept.clear();
      add(...args);
    };
  }
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    if (groups && groups.length > 0) return lookup(target, schema, always, strictGroups, groups);
    const key = `${schema}\u0000${always}\u0000${strictGroups}`;
    let byOptions = kept.get(target);
    if (!byOptions) kept.set(target, (byOptions = new Map()));
    let rules = byOptions.get(key);
    if (!rules) byOptions.set(key, (rules = lookup(target, schema, always, strictGroups, groups)));
    return rules;
  };
}
