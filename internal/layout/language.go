package layout

// Language is a language of the site as templates see it, with Hugo's
// names: .Site.Language, .Site.Languages, a page's .Language.
type Language struct {
	Lang              string // its code: "de"
	LanguageName      string // "Deutsch"; default Lang
	LanguageCode      string // languageCode: "de-DE"; default Lang
	LanguageDirection string // "ltr" or "rtl"
	Weight            int
	Default           bool // the default language (quire's: hreflang's x-default)
	// RelPermalink is its home page's: where a page without a
	// translation in it leads (quire's, not Hugo's).
	RelPermalink string
}

// Translation is a page's version in another language: .Translations.
type Translation struct {
	Lang         string
	Language     *Language
	Title        string
	LinkTitle    string
	RelPermalink string
	Permalink    string
}

// IsTranslated reports whether p has a version in another language.
func (p *Page) IsTranslated() bool { return p != nil && len(p.Translations) > 0 }

// IsMultiLingual reports whether the site has more than one language.
func (s *Site) IsMultiLingual() bool { return s != nil && len(s.Languages) > 1 }
