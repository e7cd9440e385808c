//! Pointer and keyboard state, kept apart from the browser: events go in; what to highlight, what
//! to select and what to announce come out. Marks are indices into the scene's marks.

use crate::layout::{keep_within, Rect, Scene};

/// Which input a pointer event came from; a finger has no hover, so a tap stands in for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pointer {
    Mouse,
    Touch,
}

/// The keys the chart answers to while it has focus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Next,
    Previous,
    First,
    Last,
    Activate,
    Escape,
}

impl Key {
    /// Maps `KeyboardEvent.key`; other keys are left to the browser.
    pub fn parse(key: &str) -> Option<Key> {
        match key {
            "ArrowDown" | "ArrowRight" => Some(Key::Next),
            "ArrowUp" | "ArrowLeft" => Some(Key::Previous),
            "Home" => Some(Key::First),
            "End" => Some(Key::Last),
            "Enter" | " " => Some(Key::Activate),
            "Escape" => Some(Key::Escape),
            _ => None,
        }
    }
}

/// What the selection should become after an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Selecting {
    /// Select what this mark is about.
    Mark(usize),
    Clear,
}

/// What an event changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// The active mark changed: move the highlight and tooltip.
    pub highlight: bool,
    pub select: Option<Selecting>,
    /// The active mark changed by keyboard: say its value in the live region.
    pub announce: bool,
}

impl Outcome {
    fn highlight(highlight: bool) -> Outcome {
        Outcome { highlight, ..Outcome::default() }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Interaction {
    hovered: Option<usize>,
    /// The roving keyboard focus among the marks, while the chart has focus.
    focused: Option<usize>,
}

impl Interaction {
    /// The mark whose tooltip shows: the keyboard's, else the pointer's.
    pub fn active(&self) -> Option<usize> {
        self.focused.or(self.hovered)
    }

    pub fn keyboard_focus(&self) -> bool {
        self.focused.is_some()
    }

    fn hover(&mut self, mark: Option<usize>) -> bool {
        let before = self.active();
        self.hovered = mark;
        before != self.active()
    }

    /// A mouse moved over the chart: the mark under it becomes active.
    pub fn pointer_move(&mut self, scene: &Scene, pointer: Pointer, x: f64, y: f64) -> Outcome {
        match pointer {
            Pointer::Mouse => Outcome::highlight(self.hover(scene.hit(x, y))),
            Pointer::Touch => Outcome::default(),
        }
    }

    /// The chart takes over from its prerendered snapshot, which showed `mark`'s tooltip: the
    /// mark stays active, as if the pointer or tap had come to the live chart.
    pub fn take_over(&mut self, scene: &Scene, mark: usize) -> Outcome {
        Outcome::highlight(mark < scene.marks.len() && self.hover(Some(mark)))
    }

    /// The pointer left the chart.
    pub fn pointer_leave(&mut self) -> Outcome {
        Outcome::highlight(self.hover(None))
    }

    /// A click selects the mark under it; a click on empty space clears the selection.
    pub fn click(&mut self, scene: &Scene, x: f64, y: f64) -> Outcome {
        let mark = scene.hit(x, y);
        let highlight = self.hover(mark);
        Outcome { highlight, select: Some(mark.map_or(Selecting::Clear, Selecting::Mark)), announce: false }
    }

    /// A first tap on a mark shows its tooltip, a second tap on it selects it, and a tap on
    /// empty space hides the tooltip and clears the selection.
    pub fn tap(&mut self, scene: &Scene, x: f64, y: f64) -> Outcome {
        let mark = scene.hit(x, y);
        let again = mark.is_some() && mark == self.hovered;
        let highlight = self.hover(mark);
        let select = match (mark, again) {
            (None, _) => Some(Selecting::Clear),
            (Some(m), true) => Some(Selecting::Mark(m)),
            (Some(_), false) => None,
        };
        Outcome { highlight, select, announce: false }
    }

    /// The chart got keyboard focus: the focus goes to `start` (the selected mark) or the first.
    pub fn focus(&mut self, scene: &Scene, start: Option<usize>) -> Outcome {
        if scene.marks.is_empty() {
            return Outcome::default();
        }
        let before = self.active();
        self.focused = Some(start.filter(|&m| m < scene.marks.len()).unwrap_or(0));
        Outcome { highlight: true, select: None, announce: before != self.active() || before.is_some() }
    }

    /// The chart lost keyboard focus.
    pub fn blur(&mut self) -> Outcome {
        let had = self.focused.take().is_some();
        Outcome::highlight(had)
    }

    /// Arrows, Home and End move the focus (starting it if a click focused the chart); Enter
    /// selects the focused mark; Escape clears the selection.
    pub fn key(&mut self, scene: &Scene, key: Key) -> Outcome {
        let count = scene.marks.len();
        let last = count.saturating_sub(1);
        let target = match (key, self.focused) {
            (Key::Escape, _) => return Outcome { select: Some(Selecting::Clear), ..Outcome::default() },
            _ if count == 0 => return Outcome::default(),
            (Key::Activate, Some(current)) => return Outcome { select: Some(Selecting::Mark(current)), ..Outcome::default() },
            (Key::Activate, None) => return Outcome::default(),
            (Key::Next, Some(current)) => (current + 1).min(last),
            (Key::Previous, Some(current)) => current.saturating_sub(1),
            (Key::First | Key::Next, _) => 0,
            (Key::Last | Key::Previous, _) => last,
        };
        let moved = self.focused != Some(target);
        self.focused = Some(target);
        Outcome { highlight: moved, select: None, announce: moved }
    }

    /// The chart was laid out anew: marks may have moved or gone, so the pointer's is forgotten
    /// and the keyboard's kept within range.
    pub fn relayout(&mut self, scene: &Scene) {
        self.hovered = None;
        self.focused = self.focused.map(|f| f.min(scene.marks.len().saturating_sub(1))).filter(|_| !scene.marks.is_empty());
    }
}

/// Where to put a tooltip of `size` next to a mark inside a `bounds` of the container:
/// right of it if it fits, else below it, else above it, and never outside the bounds.
pub fn place_tooltip(bar: &Rect, size: (f64, f64), bounds: (f64, f64)) -> (f64, f64) {
    const GAP: f64 = 8.0;
    let (w, h) = size;
    let x = if bar.right() + GAP + w <= bounds.0 { bar.right() + GAP } else { bar.x.max(bar.right() - w) };
    let below = bar.bottom() + GAP;
    let y = if x > bar.right() { bar.y + bar.h / 2.0 - h / 2.0 } else if below + h <= bounds.1 { below } else { bar.y - GAP - h };
    (keep_within(x, 0.0, (bounds.0 - w).max(0.0)), keep_within(y, 0.0, (bounds.1 - h).max(0.0)))
}
