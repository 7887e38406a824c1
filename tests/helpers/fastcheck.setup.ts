import fc from 'fast-check';

// Issue 5: every property runs at least 1,000 cases in CI.
fc.configureGlobal({ numRuns: 1000 });
