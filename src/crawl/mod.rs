//! TODO
pub mod graph; pub use graph::*;
