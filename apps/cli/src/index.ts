// What the test suites use of the CLI: the demo loader and its clock.
export { settableClock } from './commands/demo';
export { type DemoResult, loadDemo } from './demo/load-demo';
