package i18n

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
)

// Key returns the digest New computed (see digest).
func (t *Translator) Key() string { return t.key }

// digest returns a digest of everything Translate, Forms and FormatDate
// read: the languages, every table of the chain and the placeholders
// setting. Two translators with the same Key translate alike; memo keys
// of template output include it.
func (t *Translator) digest() string {
	h := sha256.New()
	w := func(s string) {
		h.Write([]byte(strconv.Itoa(len(s))))
		h.Write([]byte{':'})
		h.Write([]byte(s))
	}
	w(t.lang)
	w(strconv.FormatBool(t.placeholders))
	for _, e := range t.chain {
		w(e.lang)
		keys := make([]string, 0, len(e.table))
		for k := range e.table {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			w(k)
			for _, f := range pluralForms {
				if tx, ok := e.table[k].forms[f]; ok {
					w(f)
					w(tx.src)
				}
			}
		}
		w("")
	}
	return hex.EncodeToString(h.Sum(nil))
}
