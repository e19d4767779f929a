// Loaded with `node --import` by scripts/hostile-inputs.mjs: as the process exits, writes its peak
// resident memory (kB, every thread) to $FLAMEGATE_PEAK_RSS_FILE, so the caller reads a figure the
// operating system kept, not a sample.
import { writeFileSync } from 'node:fs';

const file = process.env.FLAMEGATE_PEAK_RSS_FILE;
if (file) {
  process.on('exit', () => {
    writeFileSync(file, String(process.resourceUsage().maxRSS));
  });
}
