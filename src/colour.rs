//! Whether dafu colours what it shows, and for which background.
//!
//! `--color never|auto|always` and the `NO_COLOR` convention (no-color.org) decide whether
//! there is colour at all, for the reader and every command-line face alike; `--theme
//! light|dark|auto` decides which palette the reader uses when there is. `auto` asks the
//! terminal for its background (OSC 11, see [`crate::tui::probe`]), then looks at
//! `COLORFGBG`, then assumes dark.

use std::ffi::OsStr;

use crate::ui::theme::Palette;

/// The `--color` setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorSetting {
    /// Colour when writing to a terminal and `NO_COLOR` is unset or empty.
    #[default]
    Auto,
    /// Never: the reader marks with reverse video, underline and bold only; the command
    /// line prints no escape sequences.
    Never,
    /// Always, even to a pipe and even when `NO_COLOR` is set.
    Always,
}

impl ColorSetting {
    /// Whether to colour output, given the `NO_COLOR` variable and whether the output is a
    /// terminal. `NO_COLOR` counts only when set and not empty, as the convention says; an
    /// explicit `--color always` overrides it.
    #[must_use]
    pub fn colours(self, no_color: Option<&OsStr>, to_terminal: bool) -> bool {
        match self {
            Self::Always => true,
            Self::Never => false,
            Self::Auto => to_terminal && no_color.is_none_or(OsStr::is_empty),
        }
    }

    /// As [`Self::colours`], with `NO_COLOR` read from the environment.
    #[must_use]
    pub fn colours_here(self, to_terminal: bool) -> bool {
        self.colours(std::env::var_os("NO_COLOR").as_deref(), to_terminal)
    }
}

/// The `--theme` setting: the terminal's background.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ThemeSetting {
    /// Ask the terminal (OSC 11), else read `COLORFGBG`, else dark.
    #[default]
    Auto,
    /// Dark background: light text.
    Dark,
    /// Light background: dark text.
    Light,
}

/// What the reader knows before it starts about the palette it will draw in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaletteChoice {
    /// Decided: this palette.
    Fixed(Palette),
    /// Ask the terminal for its background; without an answer, use `fallback`.
    Ask {
        /// From `COLORFGBG`, or dark.
        fallback: Palette,
    },
}

impl PaletteChoice {
    /// The reader's palette from the settings and the environment (`NO_COLOR`,
    /// `COLORFGBG`). The reader only runs on a terminal, so `--color auto` means colour
    /// unless `NO_COLOR` says otherwise.
    #[must_use]
    pub fn new(
        color: ColorSetting,
        theme: ThemeSetting,
        no_color: Option<&OsStr>,
        colorfgbg: Option<&OsStr>,
    ) -> Self {
        if !color.colours(no_color, true) {
            return Self::Fixed(Palette::Mono);
        }
        match theme {
            ThemeSetting::Dark => Self::Fixed(Palette::Dark),
            ThemeSetting::Light => Self::Fixed(Palette::Light),
            ThemeSetting::Auto => Self::Ask {
                fallback: colorfgbg
                    .and_then(OsStr::to_str)
                    .and_then(palette_from_colorfgbg)
                    .unwrap_or(Palette::Dark),
            },
        }
    }

    /// As [`Self::new`], reading the environment. The Linux console is not asked: it
    /// does not know OSC 11 and would print the question's tail (`11;?`); its background is
    /// black.
    #[must_use]
    pub fn from_env(color: ColorSetting, theme: ThemeSetting) -> Self {
        let choice = Self::new(
            color,
            theme,
            std::env::var_os("NO_COLOR").as_deref(),
            std::env::var_os("COLORFGBG").as_deref(),
        );
        let console = std::env::var_os("TERM").is_some_and(|t| t == "linux");
        match choice {
            Self::Ask { fallback } if console => Self::Fixed(fallback),
            other => other,
        }
    }

    /// The palette, given what the terminal said about its background (if asked).
    #[must_use]
    pub fn resolve(self, answer: Option<Palette>) -> Palette {
        match self {
            Self::Fixed(palette) => palette,
            Self::Ask { fallback } => answer.unwrap_or(fallback),
        }
    }
}

/// `COLORFGBG` (set by rxvt, Konsole and others) is `fg;bg` or `fg;default;bg` in the 16
/// ANSI colours: a background of 7 (light grey) or 9–15 other than 8 is light.
#[must_use]
pub fn palette_from_colorfgbg(value: &str) -> Option<Palette> {
    let background: u8 = value.rsplit(';').next()?.trim().parse().ok()?;
    Some(match background {
        7 | 9..=15 => Palette::Light,
        0..=6 | 8 => Palette::Dark,
        _ => return None,
    })
}

/// Reads an OSC 11 answer, `ESC ] 11 ; rgb:RRRR/GGGG/BBBB` ended by BEL or ST, anywhere in
/// `bytes`, and says whether the background is light (relative luminance above one half).
/// Each channel has 1 to 4 hex digits, as X11 colour specifications allow.
#[must_use]
pub fn palette_from_osc11(bytes: &[u8]) -> Option<Palette> {
    let start = bytes.windows(5).position(|w| w == b"\x1b]11;")?;
    let rest = bytes.get(start + 5..)?;
    let end = rest.iter().position(|&b| b == 0x07 || b == 0x1b)?;
    let body = std::str::from_utf8(rest.get(..end)?).ok()?;
    let channels = body.strip_prefix("rgb:").or(body.strip_prefix("rgba:"))?;
    let mut values = channels.split('/').map(|hex| {
        if hex.is_empty() || hex.len() > 4 {
            return None;
        }
        let value = u32::from_str_radix(hex, 16).ok()?;
        let max = (1u32 << (4 * hex.len())) - 1;
        Some(f64::from(value) / f64::from(max))
    });
    let (r, g, b) = (values.next()??, values.next()??, values.next()??);
    let luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    Some(if luminance > 0.5 {
        Palette::Light
    } else {
        Palette::Dark
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(s: &str) -> Option<&OsStr> {
        Some(OsStr::new(s))
    }

    #[test]
    fn no_color_set_and_not_empty_turns_colour_off_unless_always() {
        let auto = ColorSetting::Auto;
        assert!(auto.colours(None, true));
        assert!(auto.colours(os(""), true), "empty NO_COLOR is unset");
        assert!(!auto.colours(os("1"), true));
        assert!(!auto.colours(None, false), "a pipe gets no colour");
        assert!(ColorSetting::Always.colours(os("1"), false));
        assert!(!ColorSetting::Never.colours(None, true));
    }

    #[test]
    fn the_reader_is_mono_without_colour_whatever_the_theme() {
        for theme in [ThemeSetting::Auto, ThemeSetting::Light, ThemeSetting::Dark] {
            assert_eq!(
                PaletteChoice::new(ColorSetting::Auto, theme, os("1"), None),
                PaletteChoice::Fixed(Palette::Mono)
            );
        }
        assert_eq!(
            PaletteChoice::new(ColorSetting::Always, ThemeSetting::Light, os("1"), None),
            PaletteChoice::Fixed(Palette::Light)
        );
    }

    #[test]
    fn auto_theme_falls_back_to_colorfgbg_then_dark() {
        let ask = |fgbg| PaletteChoice::new(ColorSetting::Auto, ThemeSetting::Auto, None, fgbg);
        assert_eq!(ask(os("0;15")).resolve(None), Palette::Light);
        assert_eq!(ask(os("15;default;0")).resolve(None), Palette::Dark);
        assert_eq!(ask(os("nonsense")).resolve(None), Palette::Dark);
        assert_eq!(ask(None).resolve(None), Palette::Dark);
        assert_eq!(
            ask(os("15;0")).resolve(Some(Palette::Light)),
            Palette::Light
        );
    }

    #[test]
    fn osc11_answers_are_read_with_bel_or_st_and_any_digit_count() {
        let light = b"\x1b]11;rgb:ffff/ffff/ffff\x07";
        assert_eq!(palette_from_osc11(light), Some(Palette::Light));
        let dark = b"j\x1b]11;rgb:1e1e/1e1e/2e2e\x1b\\\x1b[2;2R";
        assert_eq!(palette_from_osc11(dark), Some(Palette::Dark));
        assert_eq!(
            palette_from_osc11(b"\x1b]11;rgb:fd/f6/e3\x07"),
            Some(Palette::Light),
            "solarized light, two digits a channel"
        );
        assert_eq!(palette_from_osc11(b"\x1b]11;rgb:ffff/ffff\x07"), None);
        assert_eq!(palette_from_osc11(b"\x1b]11;?\x07"), None);
        assert_eq!(palette_from_osc11(b"\x1b]11;rgb:ffff/ffff/ffff"), None);
    }
}
