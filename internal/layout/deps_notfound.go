package layout

// NotFoundReadsBodies reports whether 404.html may read the body fields
// (BodyFields) of a site page: a build that releases each page's body
// right after the page's own render can render 404.html afterwards only
// when this is false. The 404 page has no body of its own, so every such
// read is of another page; why is as for ReadsOtherBodies.
func (t *Templates) NotFoundReadsBodies() (reads bool, why string) {
	return t.readsOtherBodies(notFoundName)
}
