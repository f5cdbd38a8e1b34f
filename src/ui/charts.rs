//! Small SVG charts drawn by our own components, each with a text alternative and a way to
//! save it as an SVG file.
