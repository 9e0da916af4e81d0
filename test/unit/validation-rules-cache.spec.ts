/**
 * class-validator's rule lookup kept per class (src/schema/validators/metadata-cache.ts): the same
 * answers as without it, and a rule added after a lookup is seen by the next validation.
 */
import { Max, Min, validate } from 'class-validator';
import { rememberValidationRules } from '../../src/schema/validators/metadata-cache';

class PageArgs {
  @Min(1)
  first = 20;
}

class NarrowPageArgs extends PageArgs {
  @Max(10)
  last = 5;
}

const failing = async (o: object) => (await validate(o)).map((e) => `${e.property}:${Object.keys(e.constraints ?? {}).join(',')}`).sort();

describe('remembered validation rules', () => {
  beforeAll(() => rememberValidationRules());

  it('validates a class and its subclass as class-validator does, again and again', async () => {
    for (let i = 0; i < 3; i++) {
      expect(await failing(Object.assign(new PageArgs(), { first: 0 }))).toEqual(['first:min']);
      expect(await failing(Object.assign(new PageArgs(), { first: 5 }))).toEqual([]);
      expect(await failing(Object.assign(new NarrowPageArgs(), { first: 0, last: 11 }))).toEqual(['first:min', 'last:max']);
    }
  });

  it('sees a rule added after the class was validated', async () => {
    expect(await failing(Object.assign(new PageArgs(), { first: 500 }))).toEqual([]);
    Max(100)(PageArgs.prototype, 'first');
    expect(await failing(Object.assign(new PageArgs(), { first: 500 }))).toEqual(['first:max']);
    expect(await failing(Object.assign(new NarrowPageArgs(), { first: 500, last: 1 }))).toEqual(['first:max']);
  });
});
