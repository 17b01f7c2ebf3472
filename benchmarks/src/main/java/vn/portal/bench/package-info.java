/**
 * The sign-in load benchmark (never part of the test suite): {@link vn.portal.bench.SignInLoadBenchmark} drives
 * complete VNeID sign-ins (portal, provider picker, callback, dashboard) from a fixed pool of threads against a
 * portal and provider running on loopback, and reports throughput, latency percentiles, errors by kind, CPU per
 * process and the portal's heap.
 */
package vn.portal.bench;
