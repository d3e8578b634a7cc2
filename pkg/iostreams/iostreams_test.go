package iostreams

import "testing"

func TestColorFromEnv(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		tty  bool
		want bool
	}{
		{"terminal", nil, true, true},
		{"pipe", nil, false, false},
		{"NO_COLOR", map[string]string{"NO_COLOR": "1"}, true, false},
		{"NO_COLOR any value", map[string]string{"NO_COLOR": "false"}, true, false},
		{"NO_COLOR empty", map[string]string{"NO_COLOR": ""}, true, true},
		{"TERM=dumb", map[string]string{"TERM": "dumb"}, true, false},
		{"FORCE_COLOR in a pipe", map[string]string{"FORCE_COLOR": "1"}, false, true},
		{"FORCE_COLOR=0", map[string]string{"FORCE_COLOR": "0"}, false, false},
		{"CLICOLOR_FORCE", map[string]string{"CLICOLOR_FORCE": "1"}, false, true},
		{"NO_COLOR beats FORCE_COLOR", map[string]string{"NO_COLOR": "1", "FORCE_COLOR": "1"}, true, false},
	}
	for _, tt := range tests {
		getenv := func(k string) string { return tt.env[k] }
		if got := ColorFromEnv(getenv, tt.tty); got != tt.want {
			t.Errorf("%s: ColorFromEnv = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestTestStreams(t *testing.T) {
	ios, _, out, _ := Test()
	if ios.IsStdinTTY() || ios.ColorEnabled() || ios.TerminalWidth() != 0 {
		t.Error("test streams should start as a plain pipe")
	}
	ios.SetStdinTTY(true)
	ios.SetColorEnabled(true)
	ios.SetTerminalWidth(80)
	if !ios.IsStdinTTY() || !ios.ColorEnabled() || ios.TerminalWidth() != 80 {
		t.Error("setters did not take")
	}
	_, _ = ios.Out.Write([]byte("x"))
	if out.String() != "x" {
		t.Error("Out is not the returned buffer")
	}
}
