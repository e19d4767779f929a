import type { Reporter, TestModule } from 'vitest/node';

// CI reads one plain line, `N passed, N failed`, to count tests.
export default class CountReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, errors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const mod of testModules) {
      let failedHere = 0;
      let notRunHere = 0;
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failedHere++;
        else notRunHere++;
      }
      // A file that failed outside its tests (a beforeAll hook, an import) leaves them skipped:
      // they count as failed, or the count would say all is well while the run failed.
      if (mod.state() === 'failed' && failedHere === 0) {
        failedHere = Math.max(1, notRunHere);
        notRunHere = 0;
      }
      failed += failedHere;
      skipped += notRunHere;
    }
    failed += errors.length;
    process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
}
