import { beforeEach, expect } from 'vitest';

/**
 * Every unit test must assert something: a test whose loop runs over an empty list, or that
 * returns early, would otherwise pass while checking nothing. vitest fails a test that makes
 * no assertion once `expect.hasAssertions()` was called in it.
 */
beforeEach(() => {
  expect.hasAssertions();
});
