//! The language server (`kaohe lsp`): every check kaohe makes, shown in an editor
//! while the rule file is typed, with hover, completion, navigation, formatting, an
//! outline and quick fixes.
//!
//! It speaks the Language Server Protocol through rust-analyzer's `lsp-server`
//! (synchronous: one loop reads a message and answers it) with `lsp-types`, and is
//! driven by the library alone: [`crate::syntax`] and [`crate::check`] for the
//! diagnostics and the tree, [`crate::formatter`] for formatting, and the grammar's
//! own keyword rules for completion and hover. docs/editors.md says why this crate
//! and how an editor starts the server.
//!
//! One concern per file: [`server`] (the loop), [`documents`] (the open files and
//! what is known of each), [`positions`] (byte offsets and the protocol's UTF-16
//! positions), [`diagnostics`], [`hover`], [`completion`], [`navigation`] (definition,
//! references, rename), [`formatting`], [`symbols`] (outline and folding) and
//! [`actions`] (quick fixes); [`keywords`] reads the grammar's keywords.

mod actions;
mod completion;
mod diagnostics;
mod documents;
mod formatting;
mod hover;
pub mod keywords;
mod navigation;
pub mod positions;
mod server;
mod symbols;

pub use server::{serve, serve_stdio, Options};
