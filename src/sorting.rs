//! Every sort in the crate goes through `sorted_order`, which sorts positions with the standard
//! library's sort and one shape of comparator. The standard sort is compiled anew for each
//! element type and comparator (3 to 4 KB of wasm each, some 30 KB for the crate's dozen
//! sorts); sorting positions keeps a single copy.

use std::cmp::Ordering;

/// The positions `0..len` in the order `compare` puts them; equal items keep their order.
pub fn sorted_order(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    // Ties broken by position make the faster unstable sort stable.
    order.sort_unstable_by(|&a, &b| compare(a, b).then(a.cmp(&b)));
    order
}

/// Sorts `items` by `compare`, equal items keeping their order.
pub fn sort_by<T>(items: &mut [T], compare: &dyn Fn(&T, &T) -> Ordering) {
    let order = sorted_order(items.len(), &|a, b| compare(&items[a], &items[b]));
    rearrange(items, &order);
}

/// Sorts `items` by a key worked out once for each item rather than twice per comparison,
/// equal keys keeping their order.
pub fn sort_by_cached_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = sorted_order(keys.len(), &|a, b| keys[a].cmp(&keys[b]));
    rearrange(items, &order);
}

/// Puts `items` in the order of `order`, a permutation of their positions.
fn rearrange<T>(items: &mut [T], order: &[usize]) {
    for (a, b) in swaps(order) {
        items.swap(a, b);
    }
}

/// The swaps, in turn, that put items in the order of `order`: kept apart from `rearrange` so
/// that only the swapping is compiled for each type of item.
fn swaps(order: &[usize]) -> Vec<(usize, usize)> {
    // Where each item sits now, and which item sits at each place.
    let mut place: Vec<usize> = (0..order.len()).collect();
    let mut item = place.clone();
    let mut swaps = Vec::new();
    for (here, &wanted) in order.iter().enumerate() {
        let there = place[wanted];
        if there != here {
            swaps.push((here, there));
            let displaced = item[here];
            item.swap(here, there);
            place[displaced] = there;
            place[wanted] = here;
        }
    }
    swaps
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

    #[test]
    fn items_are_rearranged_in_the_given_order() {
        let mut letters = ['a', 'b', 'c', 'd', 'e'];
        rearrange(&mut letters, &[2, 0, 4, 3, 1]);
        assert_eq!(letters, ['c', 'a', 'e', 'd', 'b']);
    }
}
