package funcs

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sync"
)

// Scratch is Hugo's scratch pad, made by newScratch: a map that templates
// may write to. Each newScratch call makes a new one, so nothing is shared
// between pages.
type Scratch struct {
	mu sync.Mutex
	m  map[string]any
}

// NewScratch returns an empty Scratch: {{ $s := newScratch }}.
func (Collections) NewScratch() *Scratch { return &Scratch{m: map[string]any{}} }

// Set stores v at key; it outputs nothing.
func (s *Scratch) Set(key string, v any) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[key] = v
	return ""
}

// Get returns the value at key, or nil.
func (s *Scratch) Get(key string) any {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.m[key]
}

// Delete removes key; it outputs nothing.
func (s *Scratch) Delete(key string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.m, key)
	return ""
}

// Add adds v to the value at key: numbers are added, strings joined,
// slices appended to; an unset key is set to v.
func (s *Scratch) Add(key string, v any) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	old, ok := s.m[key]
	if !ok {
		s.m[key] = v
		return "", nil
	}
	if rv := indirect(reflect.ValueOf(old)); rv.IsValid() && rv.Kind() == reflect.Slice {
		out, err := Collections{}.Append(v, old)
		if err != nil {
			return "", fmt.Errorf("Scratch.Add: %w", err)
		}
		s.m[key] = out
		return "", nil
	}
	out, err := Math{}.Add(old, v)
	if err != nil {
		return "", fmt.Errorf("Scratch.Add: %w", err)
	}
	s.m[key] = out
	return "", nil
}

// SetInMap stores v at mapKey of the map at key, making the map if needed.
func (s *Scratch) SetInMap(key, mapKey string, v any) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, ok := s.m[key].(map[string]any)
	if !ok {
		if _, taken := s.m[key]; taken {
			return "", errors.New("Scratch.SetInMap: the value at " + key + " is not a map")
		}
		m = map[string]any{}
		s.m[key] = m
	}
	m[mapKey] = v
	return "", nil
}

// DeleteInMap removes mapKey from the map at key.
func (s *Scratch) DeleteInMap(key, mapKey string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if m, ok := s.m[key].(map[string]any); ok {
		delete(m, mapKey)
	}
	return ""
}

// GetSortedMapValues returns the values of the map at key, by sorted key.
func (s *Scratch) GetSortedMapValues(key string) []any {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, ok := s.m[key].(map[string]any)
	if !ok {
		return nil
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([]any, len(keys))
	for i, k := range keys {
		out[i] = m[k]
	}
	return out
}

// Values returns the scratch's map.
func (s *Scratch) Values() map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.m
}
