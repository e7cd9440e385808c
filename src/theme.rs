//! The two themes' colours for each paint, chosen for contrast and for readers with any common
//! colour-vision deficiency.

use crate::layout::Paint;

/// Light or dark; `auto` is resolved by the page from `prefers-color-scheme`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

/// Category colours after the Okabe–Ito palette (which stays distinguishable with the common
/// colour-vision deficiencies), darkened where needed so that each has at least 3:1 contrast
/// against the light background, and lightened for the dark one.
const CATEGORIES_LIGHT: [(u8, u8, u8); 8] = [
    (0x00, 0x72, 0xb2),
    (0xd5, 0x5e, 0x00),
    (0x00, 0x7a, 0x5e),
    (0xb0, 0x4f, 0x8c),
    (0x9c, 0x68, 0x00),
    (0x00, 0x73, 0x8a),
    (0x6e, 0x6e, 0x6e),
    (0x1a, 0x1a, 0x1a),
];
const CATEGORIES_DARK: [(u8, u8, u8); 8] = [
    (0x56, 0xb4, 0xe9),
    (0xff, 0x8c, 0x42),
    (0x2b, 0xd1, 0xa1),
    (0xe5, 0xa3, 0xcb),
    (0xe6, 0x9f, 0x00),
    (0x4f, 0xd3, 0xe6),
    (0xb0, 0xb0, 0xb0),
    (0xee, 0xee, 0xee),
];

impl Theme {
    pub fn parse(code: &str) -> Option<Theme> {
        match code {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    /// Colours for each paint. Bars use the Okabe–Ito blue and orange, which readers with any
    /// common colour-vision deficiency tell apart; plans also differ by their outline.
    pub fn colour(self, paint: Paint) -> (u8, u8, u8) {
        match (self, paint) {
            (Theme::Light, Paint::Ink) => (0x1a, 0x1a, 0x1a),
            (Theme::Light, Paint::Muted) => (0x55, 0x55, 0x55),
            (Theme::Light, Paint::Grid) => (0xe2, 0xe2, 0xe2),
            (Theme::Light, Paint::Axis) => (0x76, 0x76, 0x76),
            (Theme::Light, Paint::Current) => (0x00, 0x72, 0xb2),
            (Theme::Light, Paint::Plan) => (0xb3, 0x5c, 0x00),
            (Theme::Light, Paint::PlanFill) => (0xf5, 0xc2, 0x6b),
            (Theme::Light, Paint::Background) => (0xff, 0xff, 0xff),
            (Theme::Light, Paint::Category(n)) => CATEGORIES_LIGHT[n as usize % CATEGORIES_LIGHT.len()],
            (Theme::Dark, Paint::Ink) => (0xee, 0xee, 0xee),
            (Theme::Dark, Paint::Muted) => (0xb8, 0xb8, 0xb8),
            (Theme::Dark, Paint::Grid) => (0x3a, 0x3a, 0x3a),
            (Theme::Dark, Paint::Axis) => (0x99, 0x99, 0x99),
            (Theme::Dark, Paint::Current) => (0x56, 0xb4, 0xe9),
            (Theme::Dark, Paint::Plan) => (0xe6, 0x9f, 0x00),
            (Theme::Dark, Paint::PlanFill) => (0x6b, 0x4a, 0x00),
            (Theme::Dark, Paint::Background) => (0x16, 0x16, 0x16),
            (Theme::Dark, Paint::Category(n)) => CATEGORIES_DARK[n as usize % CATEGORIES_DARK.len()],
        }
    }
}

/// WCAG contrast ratio between two colours (1 to 21).
pub fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let luminance = |(r, g, b): (u8, u8, u8)| {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.03928 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    };
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}
