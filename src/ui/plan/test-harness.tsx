// The plan screens' tests use the shared screen-test support.
export { openTestNotebook, renderAt, type TestServices } from '../test-support';
