package config

import (
	"reflect"
	"strconv"
	"testing"
)

func TestBrand(t *testing.T) {
	t.Parallel()
	src := "[params]\nlogo = \"/images/logo.svg\"\nlogoDark = \"images/logo-dark.svg\"\naccentColor = \"#0B7285\"\n" +
		"customCSS = \"css/extra.css\"\ncustomJS = [\"js/a.js\", \"js/b.js\"]\nimages = [\"og.png\"]\n" +
		"[params.social]\ngithub = \"https://github.com/quire-docs/quire\"\n[[params.headerLinks]]\nname = \"Blog\"\nurl = \"https://example.org/blog/\"\n"
	cfg, warns, err := load(t, src)
	if err != nil || len(warns) != 0 {
		t.Fatalf("Load: %v, warnings %v", err, warns)
	}
	var got []string
	for _, f := range cfg.Brand.Files {
		got = append(got, f.Key+"="+f.Path+"@"+f.Pos.File+":"+itoa(f.Pos.Line))
	}
	want := []string{"params.logo=images/logo.svg@config.toml:2", "params.logoDark=images/logo-dark.svg@config.toml:3",
		"params.customCSS=css/extra.css@config.toml:5", "params.customJS=js/a.js@config.toml:6", "params.customJS=js/b.js@config.toml:6",
		"params.images=og.png@config.toml:7"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Brand.Files =\n%q\nwant\n%q", got, want)
	}
	if a := cfg.Brand.Accent; a == nil || a.Colour != (Colour{0x0b, 0x72, 0x85}) || a.Pos.Line != 4 {
		t.Errorf("Brand.Accent = %+v, want #0b7285 at line 4", a)
	}
	if cfg.Brand.AccentDark != nil {
		t.Errorf("Brand.AccentDark = %+v, want nil", cfg.Brand.AccentDark)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestBrandErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, src, want string
	}{
		{"LogoNotAString", "[params]\nlogo = 1", `config.toml:2:1: params.logo: expected a string, got an integer`},
		{"LogoIsAnAddress", "[params]\n\nlogo = \"https://example.org/l.svg\"", `config.toml:3:1: params.logo: "https://example.org/l.svg" is an address; name a file of the site's assets or static directory`},
		{"LogoOutsideTheSite", "[params]\nfavicon = \"../f.png\"", `config.toml:2:1: params.favicon: "../f.png" is not a clean path inside the site`},
		{"CustomCSSListOfNumbers", "[params]\ncustomCSS = [\"a.css\", 2]", `config.toml:2:1: params.customCSS[1]: expected a string, got an integer`},
		{"AccentNamedColour", "[params]\naccentColor = \"teal\"", `config.toml:2:1: params.accentColor: "teal" is not a colour quire reads: write it as #rrggbb, #rgb, rgb(r g b) or hsl(h s% l%) (hint: named colours are not read: write the hex, e.g. #0b7285)`},
		{"AccentWithAlpha", "[params]\naccentColorDark = \"#0b728580\"", `config.toml:2:1: params.accentColorDark: #0b728580: want 3 or 6 hex digits (no alpha) (hint: named colours are not read: write the hex, e.g. #0b7285)`},
		{"HeaderLinkWithoutURL", "[params]\n[[params.headerLinks]]\nname = \"Blog\"", `config.toml:2:3: params.headerLinks[0]: url must be a non-empty string`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, _, err := load(t, tc.src)
			if err == nil {
				t.Fatalf("Load(%q): no error, want %q", tc.src, tc.want)
			}
			if got := err.Error(); got != tc.want {
				t.Errorf("Load(%q) error:\n got %s\nwant %s", tc.src, got, tc.want)
			}
		})
	}
}

// TestBrandSocialWarnings: what keeps a social link from showing is a
// warning, not an error: a Hugo theme's params.social may differ.
func TestBrandSocialWarnings(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, src, want string }{
		{"UnknownService", "[params.social]\ngithb = \"https://github.com/x\"", `config.toml:2:1: params.social.githb: the theme has no icon for "githb", so it shows no link (hint: did you mean github?)`},
		{"NotAURL", "[params.social]\ngithub = true", `config.toml:2:1: params.social.github: expected a URL, got a boolean, so the theme shows no link`},
		{"AList", "[params]\nsocial = [\"github\"]", `config.toml:2:1: params.social: expected a table of service = "URL", got an array, so the theme shows no social links`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, warns, err := load(t, tc.src)
			if err != nil || len(warns) != 1 {
				t.Fatalf("Load: %v, warnings %v; want one warning", err, warns)
			}
			if got := warns[0].Error(); got != tc.want {
				t.Errorf("warning:\n got %s\nwant %s", got, tc.want)
			}
		})
	}
}

func TestParseColour(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want Colour
	}{
		{"#0b7285", Colour{0x0b, 0x72, 0x85}},
		{"#FFF", Colour{255, 255, 255}},
		{"rgb(11, 114, 133)", Colour{11, 114, 133}},
		{"rgb(100% 0% 50%)", Colour{255, 0, 128}},
		{"hsl(0 100% 50%)", Colour{255, 0, 0}},
		{"hsl(120deg, 100%, 25%)", Colour{0, 128, 0}},
	} {
		got, err := ParseColour(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseColour(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"teal", "#12345", "rgb(1,2)", "rgb(1,2,3,0.5)", "hsl(10 20 30)", "#gggggg"} {
		if _, err := ParseColour(bad); err == nil {
			t.Errorf("ParseColour(%q): no error", bad)
		}
	}
	// WCAG's own figures: black on white is 21:1, #767676 on white 4.54:1.
	white := Colour{255, 255, 255}
	if got := (Colour{}).Contrast(white); got < 20.99 || got > 21.01 {
		t.Errorf("black on white = %.2f, want 21", got)
	}
	if got := (Colour{0x76, 0x76, 0x76}).Contrast(white); got < 4.53 || got > 4.55 {
		t.Errorf("#767676 on white = %.2f, want 4.54", got)
	}
}

func TestBrandKeySpeltInAnotherCaseIsAWarning(t *testing.T) {
	t.Parallel()
	_, warns, err := load(t, "[params]\nlogodark = \"l.svg\"")
	if err != nil || len(warns) != 1 {
		t.Fatalf("Load: %v, warnings %v; want one warning", err, warns)
	}
	if got, want := warns[0].Error(), `config.toml:2:1: params.logodark: the theme reads this key spelt logoDark (hint: write it as logoDark)`; got != want {
		t.Errorf("warning:\n got %s\nwant %s", got, want)
	}
}

// TestBrandMissing: each file a key names that the site lacks is an error
// at its key, in the keys' order; the files the site has are not.
func TestBrandMissing(t *testing.T) {
	t.Parallel()
	cfg, _, err := load(t, "[params]\nlogo = \"images/logo.svg\"\ncustomCSS = [\"css/here.css\", \"/css/gone.css\"]\nimages = \"og.png\"")
	if err != nil {
		t.Fatal(err)
	}
	has := func(p string) bool { return p == "css/here.css" }
	var got []string
	for _, d := range cfg.Brand.Missing(has) {
		got = append(got, d.Error())
	}
	const hint = " (hint: put it in the assets directory (stylesheets and scripts get fingerprinted) or a static directory, at that path)"
	want := []string{
		"config.toml:2:1: params.logo: images/logo.svg is not a file of the site" + hint,
		"config.toml:3:1: params.customCSS: css/gone.css is not a file of the site" + hint,
		"config.toml:4:1: params.images: og.png is not a file of the site" + hint,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Missing =\n%q\nwant\n%q", got, want)
	}
	if ds := cfg.Brand.Missing(func(string) bool { return true }); len(ds) != 0 {
		t.Errorf("Missing with every file there = %v, want none", ds)
	}
}
