//go:build !race

package cmd_test

// raceEnabled is true in a build with the race detector.
const raceEnabled = false
