package publish

import "testing"

// TestValidatorRemembersWhatPassed: paths that passed pass again; a
// refused path is refused every time, and does not become what passed.
func TestValidatorRemembersWhatPassed(t *testing.T) {
	t.Parallel()
	var v Validator
	good := []File{{Path: "a/index.html"}, {Path: "b/index.html"}}
	bad := []File{{Path: "a/index.html"}, {Path: "../b/index.html"}}
	for range 2 {
		if err := v.Validate(good); err != nil {
			t.Fatalf("good files refused: %v", err)
		}
		if err := v.Validate(bad); err == nil {
			t.Fatal("a path out of the output directory passed")
		}
	}
	if len(v.paths) != 0 {
		t.Errorf("after a refusal it remembers %v", v.paths)
	}
}
