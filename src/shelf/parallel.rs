//! Work spread over the cores, one letter at a time: the one place where the shelf makes
//! threads. A letter is read whole by one thread (never split); the threads take the next
//! few letters as they finish, so a long letter does not hold up the others, and the results
//! are handed back by their place in the input, so the output's order never depends on
//! timing. Results are handed back a few at a time: a warm letter takes microseconds, and
//! waking the receiving thread for each would cost as much again. The calling thread is one
//! of the workers, and takes in the others' results between its own: a thread that only
//! waited for them was woken for each handful and took a core from the workers (a warm
//! search of 10,000 letters spent 5% of its time so).

use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

/// How many items a thread takes at once, and hands back at once.
const CHUNK: usize = 32;

/// How many threads to read with, the calling one among them: one per core the system gives
/// this process.
fn threads_for(items: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, NonZeroUsize::get);
    cores.min(items).max(1)
}

/// `work` on every item, on all cores; `done(i, result)` is called on the calling thread
/// for each item `i` as it is finished (in the order they finish).
pub fn for_each<T: Sync, R: Send>(
    items: &[T],
    work: impl Fn(&T) -> R + Sync,
    done: impl FnMut(usize, R),
) {
    for_each_with(items, None, || (), |(), item| work(item), done);
}

/// As [`for_each`], each thread first making a state of its own with `start` (a connection
/// to a store, which may not be shared between threads) that `work` is given with each item.
/// Once `stop` is set (a search the reader has replaced) no thread starts another item: the
/// one each was doing is finished and given to `done`, the others never are.
pub fn for_each_with<T: Sync, R: Send, S>(
    items: &[T],
    stop: Option<&AtomicBool>,
    start: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, &T) -> R + Sync,
    mut done: impl FnMut(usize, R),
) {
    if items.is_empty() {
        return;
    }
    let next = AtomicUsize::new(0);
    let (send, receive) = mpsc::channel();
    // The next few items, done; `None` when every item has been taken.
    let stopped = || stop.is_some_and(|stop| stop.load(Ordering::Relaxed));
    let take = |state: &mut S| -> Option<Vec<(usize, R)>> {
        if stopped() {
            return None;
        }
        let first = next.fetch_add(CHUNK, Ordering::Relaxed);
        let chunk = items.get(first..items.len().min(first + CHUNK))?;
        if chunk.is_empty() {
            return None;
        }
        // Looked at before each item: a chunk of long letters takes a while.
        Some(
            (first..)
                .zip(chunk)
                .map_while(|(i, item)| (!stopped()).then(|| (i, work(state, item))))
                .collect(),
        )
    };
    std::thread::scope(|scope| {
        for _ in 1..threads_for(items.len()) {
            let send = send.clone();
            let (take, start) = (&take, &start);
            scope.spawn(move || {
                let mut state = start();
                while let Some(results) = take(&mut state) {
                    // The receiver lives until every worker is done; a send cannot fail.
                    if send.send(results).is_err() {
                        break;
                    }
                }
            });
        }
        // Only the other workers' senders keep the channel open: it ends when the last is
        // done.
        drop(send);
        let mut state = start();
        while let Some(results) = take(&mut state) {
            for (i, result) in results.into_iter().chain(receive.try_iter().flatten()) {
                done(i, result);
            }
        }
        drop(state);
        for (i, result) in receive.into_iter().flatten() {
            done(i, result);
        }
    });
}

/// `work` on every item, on all cores, the results in the items' order.
pub fn map_in_order<T: Sync, R: Send>(items: &[T], work: impl Fn(&T) -> R + Sync) -> Vec<R> {
    map_in_order_with(items, || (), |(), item| work(item))
}

/// As [`map_in_order`], with a state per thread as [`for_each_with`] makes it.
pub fn map_in_order_with<T: Sync, R: Send, S>(
    items: &[T],
    start: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, &T) -> R + Sync,
) -> Vec<R> {
    let mut results: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    for_each_with(items, None, start, work, |i, result| {
        if let Some(slot) = results.get_mut(i) {
            *slot = Some(result);
        }
    });
    results.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_order_of_the_items_whatever_the_timing() {
        let items: Vec<u64> = (0..200).collect();
        // Uneven work: the early items are the slow ones, so they finish last.
        let results = map_in_order(&items, |&n| {
            let spin = (200 - n) * 1000;
            (0..spin).fold(n, |acc, k| acc.wrapping_add(k % 3))
                - (0..spin).map(|k| k % 3).sum::<u64>()
        });
        assert_eq!(results, items);
    }

    #[test]
    fn every_item_is_done_once() {
        let items: Vec<usize> = (0..57).collect();
        let mut seen = vec![0; items.len()];
        for_each(
            &items,
            |&i| i,
            |i, r| {
                assert_eq!(i, r);
                seen[i] += 1;
            },
        );
        assert!(seen.iter().all(|&n| n == 1));
    }

    #[test]
    fn once_stopped_no_more_items_are_taken_and_those_done_are_right() {
        let items: Vec<usize> = (0..20_000).collect();
        let stop = AtomicBool::new(false);
        let mut seen = vec![0; items.len()];
        let mut done = 0;
        for_each_with(
            &items,
            Some(&stop),
            || (),
            |(), &i| {
                // The first item stops the work; every other waits for that, so that no
                // thread can run ahead of it whatever the timing.
                if i == 0 {
                    stop.store(true, Ordering::Relaxed);
                }
                while !stop.load(Ordering::Relaxed) {
                    std::thread::yield_now();
                }
                i
            },
            |i, r| {
                assert_eq!(i, r);
                seen[i] += 1;
                done += 1;
            },
        );
        // The item that stopped it, and the one each other thread was doing: no more.
        assert!(done >= 1 && done <= threads_for(items.len()), "{done}");
        assert!(seen.iter().all(|&n| n <= 1));
        assert_eq!(seen[0], 1, "the item that stopped the work is done");
    }

    #[test]
    fn stopped_before_it_starts_nothing_is_done() {
        let items: Vec<usize> = (0..100).collect();
        let stop = AtomicBool::new(true);
        let mut done = 0;
        for_each_with(&items, Some(&stop), || (), |(), &i| i, |_, _| done += 1);
        assert_eq!(done, 0);
    }

    #[test]
    fn nothing_to_do_makes_no_thread_and_returns_nothing() {
        let none: Vec<u8> = Vec::new();
        assert!(map_in_order(&none, |&b| b).is_empty());
    }
}
