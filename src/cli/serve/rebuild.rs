//! Builds of `serve`: the first one reads and renders everything, each
//! later one only what the changes since reach. Files are re-read only if
//! the watcher reported them ([`crate::load::FileCache`]); validation and
//! the model run over the whole directory; pages are rendered again only
//! where their content may have changed ([`crate::render::web::incremental`]).

use std::collections::HashSet;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use crate::diagnostics::{Diagnostic, Severity};
use crate::load::{FileCache, Overlay, SETTINGS_FILE};
use crate::model::Directory;
use crate::output::Files;
use crate::project::Project;
use crate::render::web::incremental::{SiteCache, Stats};

/// One build into memory.
pub(super) struct Build {
    /// The site, if the build succeeded.
    pub site: Option<Arc<Files>>,
    /// What the web render did, if it ran.
    pub stats: Option<Stats>,
    /// Sources and problems (the model has moved on to the site cache).
    pub project: Project,
    /// Time the build took.
    pub millis: u128,
}

/// Builds the site of a root again and again, reusing what did not change.
pub(super) struct Rebuilder {
    root: PathBuf,
    canonical_root: PathBuf,
    year: i32,
    /// Links point at the server, whatever `base_url` says.
    base_url: String,
    files: FileCache,
    /// The last valid model.
    model: Option<Arc<Directory>>,
    site: SiteCache,
    /// The errors of the last build.
    errors: HashSet<ErrorKey>,
}

/// An error told apart from others: file, place and message.
pub(super) type ErrorKey = (Option<String>, Option<Range<usize>>, String);

/// The key of an error of a project.
pub(super) fn error_key(project: &Project, d: &Diagnostic) -> ErrorKey {
    (
        d.file.map(|f| project.sources.get(f).display.clone()),
        d.span.clone(),
        format!("{:?}", d.message),
    )
}

impl Rebuilder {
    /// A rebuilder of `root`'s site (stale warnings for `year`) whose links
    /// point at `base_url`.
    pub(super) fn new(root: &Path, year: i32, base_url: String) -> Rebuilder {
        Rebuilder {
            root: root.to_owned(),
            canonical_root: root.canonicalize().unwrap_or_else(|_| root.to_owned()),
            year,
            base_url,
            files: FileCache::default(),
            model: None,
            site: SiteCache::new(),
            errors: HashSet::new(),
        }
    }

    /// The errors of the last build.
    pub(super) fn errors(&self) -> &HashSet<ErrorKey> {
        &self.errors
    }

    /// Loads and checks the directory as it would be with the changes of
    /// `overlay` made, without rendering and without touching the disk.
    pub(super) fn check(&mut self, overlay: &Overlay) -> Project {
        Project::open_overlaid(
            &self.root,
            self.year,
            &mut self.files,
            self.model.as_deref(),
            overlay,
        )
    }

    /// Takes note of changed paths (as the watcher reports them): they are
    /// read again by the next build.
    pub(super) fn changed<'a>(&mut self, paths: impl IntoIterator<Item = &'a Path>) {
        for path in paths {
            let rel = path
                .strip_prefix(&self.root)
                .or_else(|_| path.strip_prefix(&self.canonical_root));
            match rel {
                Ok(rel) => self.files.forget(&self.root.join(rel)),
                // Not a path below the root: whatever it was, read everything again.
                Err(_) => self.files.clear(),
            }
        }
    }

    /// Changes may have been missed (the watcher lost events): the next
    /// build reads everything again.
    pub(super) fn missed_changes(&mut self) {
        self.files.clear();
    }

    /// Loads, checks and renders.
    pub(super) fn build(&mut self) -> Build {
        let started = Instant::now();
        let project = Project::open_cached(
            &self.root,
            self.year,
            &mut self.files,
            self.model.as_deref(),
        );
        self.render(project, started)
    }

    /// Builds the site from a project loaded and checked already: one that
    /// [`Rebuilder::check`] made of changes that have been written since
    /// (and reported with [`Rebuilder::changed`]), so that a write through
    /// the editor's API is not checked twice. `started`: when the check
    /// began.
    pub(super) fn build_checked(&mut self, project: Project, started: Instant) -> Build {
        self.render(project, started)
    }

    fn render(&mut self, mut project: Project, started: Instant) -> Build {
        let (mut site, mut stats) = (None, None);
        if !project.diagnostics.has_errors()
            && let Some(mut dir) = project.directory.take()
        {
            dir.settings.base_url = self.base_url.clone();
            dir.settings.base_path = String::new();
            // /admin/ saves through this server (`POST /api/v1`).
            dir.settings.local_editing = true;
            let dir = Arc::new(dir);
            self.model = Some(Arc::clone(&dir));
            match self.site.render(dir, &project.theme) {
                Ok((files, s)) => (site, stats) = (Some(files), Some(s)),
                Err(m) => project.diagnostics.push(Diagnostic::general(m)),
            }
        }
        self.errors = project
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| error_key(&project, d))
            .collect();
        Build {
            site,
            stats,
            project,
            millis: started.elapsed().as_millis(),
        }
    }
}

/// Is a changed path one that matters for the site?
pub(super) fn relevant(root: &Path, path: &Path) -> bool {
    let rel = match path.strip_prefix(root) {
        Ok(r) => r,
        Err(_) => return true,
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // Editors' swap and backup files.
    if name.starts_with(".#")
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name == "4913"
    {
        return false;
    }
    let first = rel
        .components()
        .next()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .unwrap_or_default();
    matches!(first.as_str(), "content" | "themes") || rel == Path::new(SETTINGS_FILE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relevant_paths() {
        let root = Path::new("/r");
        assert!(relevant(root, Path::new("/r/content/groups/x.md")));
        assert!(relevant(root, Path::new("/r/wegweiser.toml")));
        assert!(relevant(
            root,
            Path::new("/r/themes/default/templates/base.html")
        ));
        assert!(!relevant(root, Path::new("/r/output/site/index.html")));
        assert!(!relevant(root, Path::new("/r/content/groups/.x.md.swp")));
        assert!(!relevant(root, Path::new("/r/content/groups/x.md~")));
    }
}
