//! Text normalisation for matching (the model layer's [`crate::model::norm`], re-exported
//! under its former path).

pub use crate::model::norm::{chars, norm};
