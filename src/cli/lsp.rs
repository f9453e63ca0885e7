//! `kaohe lsp`: the language server for editors, over standard input and output
//! ([`kaohe::lsp`]; docs/editors.md).

use kaohe::locale::Lang;

use super::Failed;

/// Serve an editor over stdin and stdout (the Language Server Protocol): live diagnostics, hover, completion, rename, formatting
#[derive(clap::Args)]
pub struct Args {}

/// Runs the server. The language the command line names (`--lang`, else
/// `KAOHE_LANG`) holds; without one, the editor's own is used.
pub fn run(_args: Args, flag: Option<Lang>) -> Result<(), Failed> {
    let lang = flag.or_else(|| {
        std::env::var("KAOHE_LANG")
            .ok()
            .and_then(|v| Lang::from_tag(&v))
    });
    kaohe::lsp::serve_stdio(kaohe::lsp::Options { lang }).map_err(|e| {
        eprintln!("kaohe lsp: {e}");
        Failed
    })
}
