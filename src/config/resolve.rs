//! One config per page: each page is checked with the settings of the `jobfam.toml` nearest
//! above it, as the language server and `--stdin-filename` find it, with the command line laid
//! over them. `--config` and `--no-config` give every page the same settings.
//!
//! Folders are looked up once each and every config file is read and compiled once per run
//! (the folder → config and config → context maps are shared by the threads checking pages).

use super::{CommandLine, ConfigError, Settings, file};
use crate::diagnostic::{self, FileReport, error_ids};
use crate::globs::Globs;
use crate::paths::absolute;
use crate::rules::Context;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

/// The settings a page is checked with: its context, and what its config excludes.
pub struct Workspace {
    /// The compiled rules, schema, site and spelling settings.
    pub ctx: Context,
    /// The config's `exclude` (with `--exclude`): a page it matches is not checked.
    pub exclude: Globs,
    /// The config file, if any.
    pub config: Option<PathBuf>,
}

/// A config file that cannot be used: the report that says why, once per run.
pub type Failure = Arc<FileReport>;

/// The settings for the pages one config (or none) applies to, or why they cannot be used.
type Built = Result<Arc<Workspace>, Failure>;

/// Which settings each page is checked with.
pub struct Contexts {
    /// The settings the run started from: the config found from the current folder (or named
    /// with `--config`), which also decides the folder walk and the run-level rules' settings.
    root: Arc<Workspace>,
    /// `None`: every page uses `root` (`--config`, `--no-config`, or one context given).
    nearest: Option<Nearest>,
}

struct Nearest {
    cli: CommandLine,
    /// Folder (absolute) → the config that applies there.
    folders: Mutex<HashMap<PathBuf, Option<PathBuf>>>,
    /// Config → its settings, compiled.
    built: Mutex<HashMap<Option<PathBuf>, Built>>,
}

impl Contexts {
    /// Every page checked with `ctx`.
    pub fn one(ctx: Context) -> Contexts {
        Contexts {
            root: Arc::new(Workspace {
                ctx,
                exclude: Globs::default(),
                config: None,
            }),
            nearest: None,
        }
    }

    /// Each page checked with the config nearest above it, `cli` laid over it; `root` (the
    /// settings from the config the run found first, already compiled) serves the pages its
    /// config applies to.
    pub fn nearest(root: &Settings, ctx: Context, cli: CommandLine) -> Contexts {
        let root = Arc::new(Workspace {
            ctx,
            exclude: root.files.exclude.clone(),
            config: root.config.clone(),
        });
        let mut built = HashMap::new();
        built.insert(root.config.clone(), Ok(Arc::clone(&root)));
        Contexts {
            root,
            nearest: Some(Nearest {
                cli,
                folders: Mutex::new(HashMap::new()),
                built: Mutex::new(built),
            }),
        }
    }

    /// The context the run started from: for the run-level rules, and for pages without a
    /// config of their own when every page shares one.
    pub fn root(&self) -> &Context {
        &self.root.ctx
    }

    /// The settings for the page at `path`, or the report of the config that applies to it
    /// and cannot be used.
    pub fn for_page(&self, path: &Path) -> Built {
        let Some(nearest) = &self.nearest else {
            return Ok(Arc::clone(&self.root));
        };
        let folder = absolute(path)
            .parent()
            .map_or_else(|| PathBuf::from("/"), Path::to_path_buf);
        let config = {
            let mut folders = nearest
                .folders
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            folders
                .entry(folder)
                .or_insert_with_key(|folder| file::find(folder))
                .clone()
        };
        if let Some(found) = nearest
            .built
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&config)
        {
            return found.clone();
        }
        // Built outside the lock (a schema compiles, word lists are read); two threads may
        // both build the same config, and the first one stored wins.
        let made = build(config.as_deref(), &nearest.cli);
        nearest
            .built
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .entry(config)
            .or_insert(made)
            .clone()
    }

    /// Whether some page may run a rule that needs the dictionary.
    pub fn spells(&self) -> bool {
        // Other configs are found as pages are read; the dictionary loads on demand for them.
        self.root.ctx.spells()
    }
}

/// The settings of the config at `config` (none: the defaults) with `cli` laid over them.
fn build(config: Option<&Path>, cli: &CommandLine) -> Built {
    let settings = match config {
        Some(path) => file::load(path).map_err(|e| Arc::new(e.report()))?,
        None => Settings::default(),
    };
    let failure = |e: ConfigError| {
        let path = config.map_or_else(|| "jobfam.toml".into(), diagnostic::display_path);
        let shown = config.map_or_else(String::new, diagnostic::display_path);
        let message = if shown.is_empty() {
            e.to_string()
        } else {
            format!("with this config: {e}")
        };
        Arc::new(FileReport {
            diagnostics: vec![diagnostic::path_error(&path, error_ids::CONFIG, message)],
            path,
            text: None,
        })
    };
    let settings = settings.apply(cli.clone()).map_err(failure)?;
    let ctx = settings.context().map_err(failure)?;
    Ok(Arc::new(Workspace {
        ctx,
        exclude: settings.files.exclude,
        config: settings.config,
    }))
}
