/**
 * Under StrykerJS only (jest.stryker.config.js): runs only the test files that hold the tests covering the mutant.
 * StrykerJS's jest runner selects those tests by name (testNamePattern) but lets jest load every test file, which
 * on two cores costs more than the tests themselves. A file is kept when its source holds the end of a selected
 * test's name; when some name is found in no file (a title built at run time), every file runs, so a mutant can
 * only ever run more tests than it needs, never fewer.
 */
const { readFileSync } = require('node:fs');
const Sequencer = require('@jest/test-sequencer').default;

/** The end of a test's full name that a title literal in the source holds. */
const TAIL_CHARS = 30;

/** The test names of Stryker's pattern `(name1)|(name2)…`, each regex-escaped. */
function namesOf(pattern) {
  return pattern.slice(1, -1).split(')|(').map((name) => name.replace(/\\(.)/g, '$1'));
}

const sources = new Map();
const sourceOf = (path) => {
  if (!sources.has(path)) sources.set(path, readFileSync(path, 'utf8'));
  return sources.get(path);
};

class StrykerSequencer extends Sequencer {
  constructor(options) {
    super(options);
    this.pattern = options.globalConfig.testNamePattern;
  }

  async sort(tests) {
    const sorted = await super.sort(tests);
    if (!this.pattern) return sorted;
    const kept = new Set();
    for (const name of namesOf(this.pattern)) {
      const tail = name.slice(-TAIL_CHARS);
      const holding = sorted.filter((test) => sourceOf(test.path).includes(tail));
      if (!holding.length) return sorted;
      holding.forEach((test) => kept.add(test));
    }
    return sorted.filter((test) => kept.has(test));
  }
}

module.exports = StrykerSequencer;
