package config

// URLs holds the settings of how pages' URLs are made from their files.
type URLs struct {
	// DisablePathToLower (disablePathToLower) keeps the case of file and
	// directory names and slugs in URLs; by default they are lower-cased,
	// as Hugo does. Default: false.
	DisablePathToLower bool
}

// applyURLs checks and copies disablePathToLower.
func (d *decoder) applyURLs(c *URLs) {
	d.setBool("disablePathToLower", &c.DisablePathToLower)
}
