//! Both themes keep text at 4.5:1 or more against the background, and marks at 3:1 or more.

use technopolis_explorer::layout::Paint;
use technopolis_explorer::theme::{contrast, Theme};

#[test]
fn the_contrast_formula_matches_wcag() {
    assert!((contrast((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 0.01);
    assert!((contrast((0x76, 0x76, 0x76), (255, 255, 255)) - 4.54).abs() < 0.02);
}

#[test]
fn text_and_marks_stand_out_from_the_background_in_both_themes() {
    for theme in [Theme::Light, Theme::Dark] {
        let background = theme.colour(Paint::Background);
        for text in [Paint::Ink, Paint::Muted] {
            let ratio = contrast(theme.colour(text), background);
            assert!(ratio >= 4.5, "{theme:?} {text:?} text: {ratio:.2}");
        }
        // A plan's pale fill is outlined in Plan, so the outline carries its contrast.
        let marks = [Paint::Current, Paint::Plan, Paint::Axis].into_iter().chain((0..8).map(Paint::Category));
        for mark in marks {
            let ratio = contrast(theme.colour(mark), background);
            assert!(ratio >= 3.0, "{theme:?} {mark:?} mark: {ratio:.2}");
        }
    }
}
