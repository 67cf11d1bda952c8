//! rnet: iproute2's `ip` over rtnetlink, in Rust.
//!
//! The crate is laid out the way a command flows through it:
//! `grammar` (argument words → what to do) → `objects` (one module per ip
//! object, building requests) → `kernel` (the one netlink socket, namespace
//! syscalls) → `model` (what the kernel's answers mean) → `output` (one
//! printing layer for text and JSON). `registry` is ip's object table, the
//! one list of objects and their handlers; `context` is what a handler works
//! with; `error` holds the one table of ip's error texts and exit statuses,
//! over `diagnostics` (the traits error types implement, and warnings),
//! which the kernel layer uses without importing `error`;
//! `app` ties the steps together and `batch` runs many commands in one
//! process. `allocator` serves the process's small allocations.

pub(crate) mod allocator;
pub mod app;
pub(crate) mod batch;
pub(crate) mod context;
pub(crate) mod diagnostics;
pub(crate) mod error;
pub(crate) mod explain;
pub(crate) mod generate;
pub(crate) mod grammar;
pub(crate) mod kernel;
pub(crate) mod model;
pub(crate) mod objects;
pub(crate) mod output;
pub(crate) mod registry;
pub(crate) mod words;

#[global_allocator]
static ALLOCATOR: allocator::SmallBlocks = allocator::SmallBlocks::new();
