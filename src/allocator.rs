//! The process's memory allocator: small blocks from free lists, the rest
//! from the C library.
//!
//! Why not the C library for everything: the static binary links musl,
//! whose allocator (mallocng) spends about 400 instructions on each small
//! allocation and release, against glibc's 100. Listing a full routing
//! table makes a few short strings per route, so with musl's allocator
//! `route show` took 0.98 of ip's time instead of 0.75. musl is still the
//! right libc for the static binary: its resident memory is 1.2 MB where
//! glibc's static build needs 2.5 MB.
//!
//! Blocks of up to [`LARGEST_SMALL`] bytes are rounded up to a multiple of
//! 16 and carved from 64 KiB chunks; a freed block goes on its size's free
//! list and is reused by the next allocation of that size. Chunks are never
//! given back: a command's peak of small blocks is small, and a long-running
//! `monitor` reuses the same blocks event after event. rnet is
//! single-threaded; a spin lock keeps the lists sound if a thread appears.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::UnsafeCell;
use std::ptr;
use std::sync::atomic::{AtomicBool, Ordering};

/// Small blocks are multiples of this (also their alignment).
const GRAIN: usize = 16;
/// The largest block served from the free lists.
const LARGEST_SMALL: usize = 512;
const SIZE_CLASSES: usize = LARGEST_SMALL / GRAIN;
/// What is asked of the C library when the current chunk is used up.
const CHUNK: usize = 64 * 1024;

pub(crate) struct SmallBlocks {
    locked: AtomicBool,
    lists: UnsafeCell<Lists>,
}

struct Lists {
    /// Per size class, the last freed block; each free block starts with a
    /// pointer to the next.
    free: [*mut u8; SIZE_CLASSES],
    /// The unused rest of the current chunk.
    next: *mut u8,
    end: *mut u8,
}

// SAFETY: `lists` is only touched while `locked` is held.
unsafe impl Sync for SmallBlocks {}

impl SmallBlocks {
    pub(crate) const fn new() -> Self {
        SmallBlocks {
            locked: AtomicBool::new(false),
            lists: UnsafeCell::new(Lists {
                free: [ptr::null_mut(); SIZE_CLASSES],
                next: ptr::null_mut(),
                end: ptr::null_mut(),
            }),
        }
    }

    /// The size class of `layout`, or `None` when the C library serves it.
    fn class(layout: Layout) -> Option<usize> {
        (layout.size() <= LARGEST_SMALL && layout.align() <= GRAIN)
            .then(|| layout.size().max(1).div_ceil(GRAIN) - 1)
    }

    fn with_lists<T>(&self, work: impl FnOnce(&mut Lists) -> T) -> T {
        while self
            .locked
            .compare_exchange_weak(false, true, Ordering::Acquire, Ordering::Relaxed)
            .is_err()
        {
            std::hint::spin_loop();
        }
        // SAFETY: the lock is held, so this is the only reference.
        let result = work(unsafe { &mut *self.lists.get() });
        self.locked.store(false, Ordering::Release);
        result
    }
}

impl Lists {
    /// A block of `class`: a freed one, else the next piece of the chunk.
    ///
    /// # Safety
    /// The free lists hold only blocks of their class, each at least a
    /// pointer long.
    unsafe fn take(&mut self, class: usize) -> *mut u8 {
        let head = self.free[class];
        if !head.is_null() {
            self.free[class] = unsafe { head.cast::<*mut u8>().read() };
            return head;
        }
        let size = (class + 1) * GRAIN;
        if (self.end as usize) - (self.next as usize) < size {
            // SAFETY: a non-zero size and a valid alignment.
            let chunk = unsafe { System.alloc(Layout::from_size_align_unchecked(CHUNK, GRAIN)) };
            if chunk.is_null() {
                return chunk;
            }
            self.next = chunk;
            self.end = unsafe { chunk.add(CHUNK) };
        }
        let block = self.next;
        self.next = unsafe { block.add(size) };
        block
    }

    /// # Safety
    /// `block` came from `take(class)` and is no longer used.
    unsafe fn give_back(&mut self, block: *mut u8, class: usize) {
        unsafe { block.cast::<*mut u8>().write(self.free[class]) };
        self.free[class] = block;
    }
}

// SAFETY: small blocks are GRAIN-aligned pieces of chunks, each handed out
// once until it is freed; everything else is the C library's.
unsafe impl GlobalAlloc for SmallBlocks {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        match Self::class(layout) {
            Some(class) => self.with_lists(|lists| unsafe { lists.take(class) }),
            None => unsafe { System.alloc(layout) },
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        match Self::class(layout) {
            Some(_) => {
                let block = unsafe { self.alloc(layout) };
                if !block.is_null() {
                    unsafe { block.write_bytes(0, layout.size()) };
                }
                block
            }
            None => unsafe { System.alloc_zeroed(layout) },
        }
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        match Self::class(layout) {
            Some(class) => self.with_lists(|lists| unsafe { lists.give_back(block, class) }),
            None => unsafe { System.dealloc(block, layout) },
        }
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller guarantees a valid size for this alignment.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        match (Self::class(layout), Self::class(new_layout)) {
            (None, None) => unsafe { System.realloc(block, layout, new_size) },
            (Some(old), Some(new)) if old == new => block,
            _ => {
                let moved = unsafe { self.alloc(new_layout) };
                if !moved.is_null() {
                    unsafe {
                        ptr::copy_nonoverlapping(block, moved, layout.size().min(new_size));
                        self.dealloc(block, layout);
                    }
                }
                moved
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_reused_aligned_and_kept_apart() {
        let blocks = SmallBlocks::new();
        let small = Layout::from_size_align(24, 8).unwrap();
        unsafe {
            let a = blocks.alloc(small);
            let b = blocks.alloc(small);
            assert_ne!(a, b);
            assert_eq!(a as usize % GRAIN, 0);
            a.write_bytes(0xaa, 24);
            b.write_bytes(0xbb, 24);
            assert_eq!(a.add(23).read(), 0xaa);
            blocks.dealloc(a, small);
            // The freed block is the next one of its size.
            assert_eq!(blocks.alloc(small), a);
            // Growing past the small sizes keeps the contents.
            let grown = blocks.realloc(b, small, 4096);
            assert_eq!(grown.add(23).read(), 0xbb);
            let large = Layout::from_size_align(4096, 8).unwrap();
            let shrunk = blocks.realloc(grown, large, 40);
            assert_eq!(shrunk.add(23).read(), 0xbb);
            let zeroed = blocks.alloc_zeroed(Layout::from_size_align(100, 16).unwrap());
            assert!((0..100).all(|i| zeroed.add(i).read() == 0));
        }
    }

    #[test]
    fn a_chunk_boundary_is_crossed_without_overlap() {
        let blocks = SmallBlocks::new();
        let layout = Layout::from_size_align(LARGEST_SMALL, 16).unwrap();
        let mut seen = Vec::new();
        for _ in 0..(3 * CHUNK / LARGEST_SMALL) {
            let block = unsafe { blocks.alloc(layout) };
            assert!(!block.is_null());
            seen.push(block as usize);
        }
        seen.sort_unstable();
        assert!(seen.windows(2).all(|w| w[1] - w[0] >= LARGEST_SMALL));
    }
}
