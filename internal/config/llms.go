package config

// LLMs is the [llms] table: the site's docs for machines, llms.txt,
// llms-full.txt and a markdown twin of each page.
type LLMs struct {
	// Enable (enable) writes them; default true.
	Enable bool
}

var llmsFields = []field{
	{name: "enable", kind: kindBool},
}
