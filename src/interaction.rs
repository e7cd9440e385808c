//! Pointer state, kept apart from the browser: events go in, the mark to highlight comes out.

use crate::layout::{Rect, Scene};

/// Which input a pointer event came from; touch has no hover, so a tap stands in for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pointer {
    Mouse,
    Touch,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Interaction {
    active: Option<usize>,
}

impl Interaction {
    /// The mark whose tooltip is showing.
    pub fn active(&self) -> Option<usize> {
        self.active
    }

    fn set(&mut self, mark: Option<usize>) -> bool {
        let changed = self.active != mark;
        self.active = mark;
        changed
    }

    /// A mouse moved over the chart: the mark under it becomes active. True if that changed.
    pub fn pointer_move(&mut self, scene: &Scene, pointer: Pointer, x: f64, y: f64) -> bool {
        match pointer {
            Pointer::Mouse => self.set(scene.hit(x, y)),
            Pointer::Touch => false,
        }
    }

    /// A tap shows the tapped mark's tooltip; a tap on empty space hides it.
    pub fn tap(&mut self, scene: &Scene, x: f64, y: f64) -> bool {
        self.set(scene.hit(x, y))
    }

    /// The pointer left the chart, or the chart was laid out anew.
    pub fn clear(&mut self) -> bool {
        self.set(None)
    }
}

/// Where to put a tooltip of `size` next to a mark's bar inside a `bounds` of the container:
/// right of the bar's end if it fits, else left of it, and never outside the bounds.
pub fn place_tooltip(bar: &Rect, size: (f64, f64), bounds: (f64, f64)) -> (f64, f64) {
    const GAP: f64 = 8.0;
    let (w, h) = size;
    let x = if bar.right() + GAP + w <= bounds.0 { bar.right() + GAP } else { bar.x.max(bar.right() - w) };
    let below = bar.bottom() + GAP;
    let y = if x > bar.right() { bar.y + bar.h / 2.0 - h / 2.0 } else if below + h <= bounds.1 { below } else { bar.y - GAP - h };
    (x.clamp(0.0, (bounds.0 - w).max(0.0)), y.clamp(0.0, (bounds.1 - h).max(0.0)))
}
