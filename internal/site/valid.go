package site

import "github.com/quire-docs/quire/internal/publish"

// validate is publish.Validate of files, through the Cache's Validator
// when there is one.
func (b *builder) validate(files []publish.File) error {
	if b.opts.Cache == nil {
		return publish.Validate(files)
	}
	return b.opts.Cache.steps.valid.Validate(files)
}
