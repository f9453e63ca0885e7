//! `--color auto|always|never`, as cargo has it: whether diagnostics are drawn in
//! colour. `auto` colours a terminal, unless `NO_COLOR` is set (to anything but
//! empty), and colours anything when `CLICOLOR_FORCE` is set (to anything but `0`).

use std::sync::OnceLock;

use kaohe::diagnostic::HumanStyle;

/// When to use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless `NO_COLOR` is set; always with `CLICOLOR_FORCE`.
    #[default]
    Auto,
    /// Always, even into a file or a pipe.
    Always,
    /// Never.
    Never,
}

/// The style diagnostics are drawn in, set once from `--color`.
static STYLE: OnceLock<HumanStyle> = OnceLock::new();

/// Sets how diagnostics are drawn for the rest of the run.
pub fn choose(choice: ColorChoice) {
    let set = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    let style = match choice {
        ColorChoice::Always => HumanStyle::Colored,
        ColorChoice::Never => HumanStyle::Uncolored,
        ColorChoice::Auto if set("NO_COLOR").is_some() => HumanStyle::Uncolored,
        ColorChoice::Auto if set("CLICOLOR_FORCE").is_some_and(|v| v != "0") => HumanStyle::Colored,
        ColorChoice::Auto => HumanStyle::Terminal,
    };
    let _ = STYLE.set(style);
}

/// The style diagnostics are drawn in.
pub fn style() -> HumanStyle {
    STYLE.get().copied().unwrap_or(HumanStyle::Terminal)
}
