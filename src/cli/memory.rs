//! How the allocator treats freed memory in one-shot typesetting commands.
//!
//! mimalloc (the program's allocator, see `main.rs`) hands memory it no
//! longer uses back to the system soon after it was freed (its purge
//! delay: 1,000 ms in the version built here). typst lays out
//! the sheets' 1,000 independent page runs on several threads, which free
//! and allocate again all the time: every reuse of handed-back memory faults
//! it in again, zeroed by the kernel, often as a 2 MiB huge page. Measured
//! on the 1,000-group bench directory (dev profile, six alternating runs):
//! `sheets` spent 1.41 s in the kernel, 0.48 s when mimalloc keeps freed
//! memory, and took 2.99 s instead of 3.54 s; the booklet is not affected
//! (0.20 s in the kernel either way). A command that ends after writing its
//! PDF gives all memory back when it exits; `serve` keeps the default.

// Linked for its C library, which defines `mi_option_set`.
use mimalloc as _;

/// `mi_option_purge_delay` of mimalloc's `mi_option_t` (the same in its v2
/// and v3 headers, `include/mimalloc.h`; libmimalloc-sys names no constant
/// for it).
const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;

unsafe extern "C" {
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
    #[cfg(test)]
    fn mi_option_get(option: std::ffi::c_int) -> std::ffi::c_long;
}

/// From now on, mimalloc keeps the memory this process frees for reuse
/// instead of handing it back to the system (purge delay -1).
pub(super) fn keep_freed_memory() {
    // SAFETY: mimalloc's option setter takes any option and value; options
    // are atomics inside mimalloc, safe to set while other threads allocate.
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, -1) }
}

/// The purge delay mimalloc uses now, in milliseconds (-1: never).
#[cfg(test)]
fn purge_delay() -> std::ffi::c_long {
    // SAFETY: reading an option has no preconditions.
    unsafe { mi_option_get(MI_OPTION_PURGE_DELAY) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn freed_memory_is_kept() {
        // By default mimalloc purges (unless MIMALLOC_PURGE_DELAY says otherwise).
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            assert!(purge_delay() >= 0, "{}", purge_delay());
        }
        keep_freed_memory();
        assert_eq!(purge_delay(), -1);
    }
}
