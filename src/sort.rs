//! Stable sorting through one compiled sort.
//!
//! `slice::sort_by_key` and friends compile a full sort for every element type and closure:
//! the app had 45 of them, about 140 KB of the wasm. These methods sort a list of indices
//! with one shared, non-generic sort and then move the elements into place, which keeps the
//! result the same (stable, same order) for a few bytes per call site.

use std::cmp::Ordering;

/// The one sort: indices `0..n` in the order `cmp` gives, equal ones kept in order.
fn order(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..n).collect();
    idx.sort_by(|a, b| cmp(*a, *b));
    idx
}

/// Puts `v[order[i]]` at `i` for every `i`, by following each cycle of swaps.
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let from = order[at];
            order[at] = at;
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

/// Stable sorts for slices (and so for `Vec`s), named apart from std's so every call site
/// takes this one.
pub trait StableSort<T> {
    fn stable_sort_by(&mut self, cmp: impl FnMut(&T, &T) -> Ordering);
    /// Each key is worked out once.
    fn stable_sort_by_key<K: Ord>(&mut self, key: impl FnMut(&T) -> K);
    fn stable_sort(&mut self)
    where
        T: Ord;
}

impl<T> StableSort<T> for [T] {
    fn stable_sort_by(&mut self, mut cmp: impl FnMut(&T, &T) -> Ordering) {
        if self.len() < 2 {
            return;
        }
        let idx = order(self.len(), &mut |a, b| cmp(&self[a], &self[b]));
        permute(self, idx);
    }

    fn stable_sort_by_key<K: Ord>(&mut self, key: impl FnMut(&T) -> K) {
        if self.len() < 2 {
            return;
        }
        let keys: Vec<K> = self.iter().map(key).collect();
        let idx = order(self.len(), &mut |a, b| keys[a].cmp(&keys[b]));
        permute(self, idx);
    }

    fn stable_sort(&mut self)
    where
        T: Ord,
    {
        self.stable_sort_by(T::cmp);
    }
}
