package model

// Error classes say what kind of failure an error is, so the command line
// can map each to its exit code without a list of error types.
const (
	ClassUsage = "usage" // a command line that asks for something impossible
	ClassName  = "name"  // a name the model does not know or cannot decide between
	ClassInput = "input" // an input file that cannot be read, parsed or validated
)

// ErrorClass marks a name the model does not know.
func (e *NameError) ErrorClass() string { return ClassName }

// ErrorClass marks an item that does not apply to a service.
func (e *NoCellError) ErrorClass() string { return ClassName }

// ErrorClass marks a service model a provider has no example for.
func (e *NoArchetypeError) ErrorClass() string { return ClassName }

// ErrorClass marks a service with no equivalents.
func (e *NoEquivalentError) ErrorClass() string { return ClassName }

// ErrorClass marks a model or acknowledgement file that does not load.
func (e *LoadError) ErrorClass() string { return ClassInput }
