//! Every sort in the crate goes through `sorted_order`: the standard library's sort is
//! compiled once per element type and comparator, about 2 KB of wasm each, so sorting
//! positions with one comparator shape keeps a single copy.

use std::cmp::Ordering;

/// The positions `0..len` in the order `compare` puts them; equal items keep their order.
pub fn sorted_order(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    // Ties broken by position make the faster unstable sort stable.
    order.sort_unstable_by(|&a, &b| compare(a, b).then(a.cmp(&b)));
    order
}

/// Sorts `items` by `compare`, equal items keeping their order.
pub fn sort_by<T>(items: &mut Vec<T>, compare: &dyn Fn(&T, &T) -> Ordering) {
    let order = sorted_order(items.len(), &|a, b| compare(&items[a], &items[b]));
    rearrange(items, &order);
}

/// Puts `items` in the order of `order`, a permutation of their positions.
pub fn rearrange<T>(items: &mut Vec<T>, order: &[usize]) {
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.iter().filter_map(|&i| slots[i].take()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_keep_equal_items_in_their_order() {
        let mut words = vec!["pear", "fig", "apple", "kiwi", "plum", "date"];
        sort_by(&mut words, &|a, b| a.len().cmp(&b.len()));
        assert_eq!(words, ["fig", "pear", "kiwi", "plum", "date", "apple"]);
        sort_by(&mut words, &|a, b| b.len().cmp(&a.len()));
        assert_eq!(words, ["apple", "pear", "kiwi", "plum", "date", "fig"]);
        let mut many: Vec<(u32, usize)> = (0..1000).map(|i| ((i as u32 * 7919) % 13, i)).collect();
        let mut expected = many.clone();
        expected.sort_by_key(|&(key, _)| key);
        sort_by(&mut many, &|a, b| a.0.cmp(&b.0));
        assert_eq!(many, expected);
    }
}
