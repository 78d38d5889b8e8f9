// Package faults holds Warta's fault tests: Go tests that build and start
// the real warta binary over a real database (SQLite, and PostgreSQL when
// WARTA_TEST_POSTGRES is set) and hurt it the way production does: kill -9
// in the middle of writes, connections dropped by pg_terminate_backend, a
// network outage between Warta and PostgreSQL, a full disk, several
// processes starting at once. The in-suite versions are short;
// bench/faults.sh runs the long ones (WARTA_FAULT_ROUNDS and friends).
//
// The tests never stop or restart the shared PostgreSQL server: an outage
// is a TCP proxy between Warta and PostgreSQL that the test cuts.
package faults
