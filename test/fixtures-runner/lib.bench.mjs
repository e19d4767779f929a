import { Bench } from 'tinybench';
import { render } from './lib.mjs';

let sink = 0;
const bench = new Bench();
bench.add('render', () => {
  for (let i = 0; i < 20; i++) sink ^= render(`some text ${i}`, { salt: 7 });
});
export default bench;
