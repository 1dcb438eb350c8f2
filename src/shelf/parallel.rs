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
use std::ops::Deref;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{OnceLock, mpsc};

/// How many items a thread takes at once, and hands back at once, at most.
pub(crate) const CHUNK: usize = 32;

/// How many items a thread takes at once from a list of `items` read on `threads` threads:
/// [`CHUNK`], or fewer for a short list, so that each thread has a few chunks to take (a dozen
/// letters, or a few large ones, are read on every core, not all by the first thread to ask).
fn chunk_for(items: usize, threads: usize) -> usize {
    (items / (4 * threads.max(1))).clamp(1, CHUNK)
}

/// How many threads to read with, the calling one among them: one per core the system gives
/// this process.
fn threads_for(items: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, NonZeroUsize::get);
    cores.min(items).max(1)
}

/// `work` on each item `list` makes, on all cores, each thread that takes items first making
/// a state of its own with `start` (a connection to a store, which may not be shared between
/// threads) that `work` is given with each item; `done(i, result)` is called on the calling
/// thread for each item `i` as it is finished (in the order they finish). The list is made on
/// the calling thread while the other threads start, the first of them making its state
/// meanwhile: a new thread can take a millisecond or two to run on a core of its own, and
/// listing a folder of letters takes a few, so each is ready when the other is. The others
/// make theirs once the list is made, and only if it has a chunk for them. Once `stop` is set (a search the reader has
/// replaced) no thread starts another item: the one each was doing is finished and given to
/// `done`, the others never are. Returns the list.
pub fn for_each_listed<T: Sync, L: Deref<Target = [T]> + Send + Sync, R: Send, S>(
    list: impl FnOnce() -> L,
    stop: Option<&AtomicBool>,
    start: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, &T) -> R + Sync,
    done: impl FnMut(usize, R),
) -> L {
    // As many threads as cores, before the list says how many items there are.
    spread(threads_for(usize::MAX), list, stop, start, work, done)
}

/// [`for_each_listed`] on `threads` threads, the calling one among them.
fn spread<T: Sync, L: Deref<Target = [T]> + Send + Sync, R: Send, S>(
    threads: usize,
    list: impl FnOnce() -> L,
    stop: Option<&AtomicBool>,
    start: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, &T) -> R + Sync,
    mut done: impl FnMut(usize, R),
) -> L {
    let listed: OnceLock<L> = OnceLock::new();
    let next = AtomicUsize::new(0);
    let (send, receive) = mpsc::channel();
    // The next few items, done; `None` when every item has been taken.
    let stopped = || stop.is_some_and(|stop| stop.load(Ordering::Relaxed));
    let take = |items: &[T], state: &mut S| -> Option<Vec<(usize, R)>> {
        if stopped() {
            return None;
        }
        let size = chunk_for(items.len(), threads);
        let first = next.fetch_add(size, Ordering::Relaxed);
        let chunk = items.get(first..items.len().min(first + size))?;
        if chunk.is_empty() {
            return None;
        }
        Some(
            (first..)
                .zip(chunk)
                .map_while(|(i, item)| (!stopped()).then(|| (i, work(state, item))))
                .collect(),
        )
    };
    std::thread::scope(|scope| {
        // Each other thread is told when the list is made; if making it fails (a panic),
        // the thread is told so by its channel's end, and ends.
        let mut listed_news = Vec::new();
        for helper in 1..threads {
            let send = send.clone();
            let (take, start, listed) = (&take, &start, &listed);
            let (tell, told) = mpsc::channel::<()>();
            listed_news.push(tell);
            scope.spawn(move || {
                // The first helper makes its state while the list is made; the others once
                // it is, and only if the list has a chunk for each (a shelf of three letters
                // on many cores opens no store per core for nothing).
                let mut state = (helper == 1).then(&start);
                let Some(items) = told.recv().ok().and_then(|()| listed.get()) else {
                    return;
                };
                if items.len() <= helper * chunk_for(items.len(), threads) {
                    return;
                }
                let state = state.get_or_insert_with(start);
                while let Some(results) = take(items, state) {
                    if send.send(results).is_err() {
                        break;
                    }
                }
            });
        }
        drop(send);
        let items = listed.get_or_init(list);
        for tell in listed_news {
            let _ = tell.send(());
        }
        if !items.is_empty() {
            let mut state = start();
            while let Some(results) = take(items, &mut state) {
                for (i, result) in results.into_iter().chain(receive.try_iter().flatten()) {
                    done(i, result);
                }
            }
        }
        for (i, result) in receive.into_iter().flatten() {
            done(i, result);
        }
    });
    listed
        .into_inner()
        .unwrap_or_else(|| unreachable!("listed before the threads end"))
}

/// `work` on every item, on all cores, the results in the items' order.
pub fn map_in_order<T: Sync, R: Send>(items: &[T], work: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let mut results: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    if !items.is_empty() {
        let threads = threads_for(items.len());
        let work = |(): &mut (), item: &T| work(item);
        spread(
            threads,
            || items,
            None,
            || (),
            work,
            |i, result| {
                if let Some(slot) = results.get_mut(i) {
                    *slot = Some(result);
                }
            },
        );
    }
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
        for_each_listed(
            || &items[..],
            None,
            || (),
            |(), &i| i,
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
        for_each_listed(
            || &items[..],
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
        for_each_listed(
            || &items[..],
            Some(&stop),
            || (),
            |(), &i| i,
            |_, _| done += 1,
        );
        assert_eq!(done, 0);
    }

    #[test]
    fn nothing_to_do_makes_no_thread_and_returns_nothing() {
        let none: Vec<u8> = Vec::new();
        assert!(map_in_order(&none, |&b| b).is_empty());
    }

    /// `test` run on a thread of its own; fails if it takes more than a minute (a thread
    /// left waiting would otherwise hang the test run rather than fail it).
    fn within_a_minute(test: impl FnOnce() + Send + 'static) -> std::thread::Result<()> {
        let (send, receive) = mpsc::channel();
        std::thread::spawn(move || {
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(test));
            let _ = send.send(outcome);
        });
        receive
            .recv_timeout(std::time::Duration::from_secs(60))
            .expect("done within a minute")
    }

    #[test]
    fn the_other_threads_start_while_the_list_is_made_and_each_item_is_done_once_by_its_place() {
        let outcome = within_a_minute(|| {
            let started = AtomicUsize::new(0);
            let listed = AtomicBool::new(false);
            let caller = std::thread::current().id();
            let caller_started_after_the_list = AtomicBool::new(false);
            let others = threads_for(usize::MAX) - 1;
            let mut seen = Vec::new();
            let list = for_each_listed(
                || {
                    // Made only once the first other thread has made its state (on one core
                    // there is none): it does not wait for the list to start.
                    while started.load(Ordering::SeqCst) < others.min(1) {
                        std::thread::yield_now();
                    }
                    listed.store(true, Ordering::SeqCst);
                    (0..300).map(|i| i * 2).collect::<Vec<usize>>()
                },
                None,
                || {
                    if std::thread::current().id() == caller {
                        let after = listed.load(Ordering::SeqCst);
                        caller_started_after_the_list.store(after, Ordering::SeqCst);
                    }
                    started.fetch_add(1, Ordering::SeqCst)
                },
                |_, &item| item,
                |i, item| {
                    assert_eq!(item, 2 * i);
                    seen.push(i);
                },
            );
            assert_eq!(list.len(), 300);
            seen.sort_unstable();
            assert_eq!(seen, (0..300).collect::<Vec<_>>());
            assert_eq!(started.load(Ordering::SeqCst), others + 1);
            // The calling thread makes its state once the list is made.
            assert!(caller_started_after_the_list.load(Ordering::SeqCst));
        });
        assert!(outcome.is_ok(), "{outcome:?}");
    }

    #[test]
    fn a_short_list_is_shared_between_the_threads() {
        let outcome = within_a_minute(|| {
            let items: Vec<usize> = (0..8).collect();
            let threads = std::sync::Mutex::new(std::collections::HashSet::new());
            let others_done = AtomicUsize::new(0);
            let first = std::sync::Mutex::new(None);
            spread(
                2,
                || &items[..],
                None,
                || (),
                |(), &i| {
                    let me = std::thread::current().id();
                    threads.lock().expect("not poisoned").insert(me);
                    if i == 0 {
                        *first.lock().expect("not poisoned") = Some(me);
                        // The thread with the first item waits for the other to do one: had
                        // it taken them all at once, this would never end.
                        while others_done.load(Ordering::SeqCst) == 0 {
                            std::thread::yield_now();
                        }
                    } else if *first.lock().expect("not poisoned") != Some(me) {
                        others_done.fetch_add(1, Ordering::SeqCst);
                    }
                    i
                },
                |_, _| {},
            );
            assert_eq!(threads.lock().expect("not poisoned").len(), 2);
        });
        assert!(outcome.is_ok(), "{outcome:?}");
    }

    #[test]
    fn helpers_with_no_chunk_to_take_make_no_state() {
        let items: Vec<usize> = (0..2).collect();
        let made = AtomicUsize::new(0);
        let mut done = 0;
        spread(
            4,
            || &items[..],
            None,
            || made.fetch_add(1, Ordering::SeqCst),
            |_, &i| i,
            |_, _| done += 1,
        );
        assert_eq!(done, 2);
        // The caller's and the first helper's (made while the list is); the two others have
        // no chunk of their own in a list of two (one item a chunk) and make none.
        assert_eq!(made.load(Ordering::SeqCst), 2);
    }

    #[test]
    fn a_list_that_panics_ends_every_thread_rather_than_leaving_them_waiting() {
        let outcome = within_a_minute(|| {
            for_each_listed(
                || -> Vec<u8> { panic!("the folder cannot be listed") },
                None,
                || (),
                |(), &b| b,
                |_, _| {},
            );
        });
        // The list's panic, passed on once every thread has ended (not a minute's wait).
        let panic = outcome.expect_err("the panic is passed on");
        assert_eq!(
            panic.downcast_ref::<&str>(),
            Some(&"the folder cannot be listed")
        );
    }

    #[test]
    fn an_empty_list_is_done_with_nothing_done() {
        let mut done = 0;
        let list: Vec<u8> = for_each_listed(Vec::new, None, || (), |(), &b| b, |_, _| done += 1);
        assert!(list.is_empty());
        assert_eq!(done, 0);
    }
}
