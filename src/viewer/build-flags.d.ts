/** Set by vite.config.ts (`define`): true only in the viewer built for the browser tests and benchmarks. */
declare const __CALCSCRIBE_TEST_HOOKS__: boolean;
