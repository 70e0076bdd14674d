//! `POST /api/v1`: Decap CMS's local-backend protocol (the one of the npm
//! package `decap-server`, `localFs` middleware), on the files of the root.
//!
//! Requests and answers have decap-server's shapes: a JSON body
//! `{"action", "params"}`; entries as `{data, file: {path, label?, id}}`
//! with `id` the SHA-256 (hex) of the file's bytes; media as `{id, content
//! (base64), encoding: "base64", path, name}`; errors as `{"error": …}`.
//! Unlike decap-server it reads only below `content/`, writes entries only
//! as `content/<folder>/<slug>.md` and images only into `content/images/`,
//! and writes nothing that `check` would reject ([`super::edit`]).
//! Where a request may come from is checked before ([`super::guard`]).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::{Value, json};

use super::Shared;
use super::base64;
use super::edit::{self, Refusal};
use super::paths::{ContentPath, Kind, Refused};
use super::sha256;
use crate::diagnostics::{Lang, Message, Note};
use crate::load::Overlay;

/// The largest request body taken (decap-server: 50 MB). An image of
/// 15 MB fits, as base64.
pub(super) const BODY_LIMIT: usize = 20 * 1024 * 1024;

/// The deepest `entriesByFolder` walks (Decap asks for 1, or the depth of
/// a collection's subfolders).
const MAX_DEPTH: u64 = 8;

/// An answer: status and JSON body.
pub(super) struct Reply {
    pub status: u16,
    pub body: Value,
}

impl Reply {
    fn ok(body: Value) -> Reply {
        Reply { status: 200, body }
    }

    pub(super) fn error(status: u16, message: String) -> Reply {
        Reply {
            status,
            body: json!({ "error": message }),
        }
    }
}

/// Reads the body of a `POST /api/v1` (at most [`BODY_LIMIT`] bytes) and
/// answers it.
pub(super) fn answer(request: &mut tiny_http::Request, shared: &Shared) -> Reply {
    let lang = shared.lang();
    if *request.method() != tiny_http::Method::Post {
        return Reply::error(405, Note::ApiPostOnly.text(lang));
    }
    let json_type = request.headers().iter().any(|h| {
        h.field.equiv("Content-Type")
            && h.value
                .as_str()
                .split(';')
                .next()
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/json"))
    });
    if !json_type {
        return Reply::error(415, Note::ApiNotJson.text(lang));
    }
    let too_large = || {
        Reply::error(
            413,
            Note::ApiBodyTooLarge {
                megabytes: BODY_LIMIT / (1024 * 1024),
            }
            .text(lang),
        )
    };
    if request.body_length().is_some_and(|n| n > BODY_LIMIT) {
        return too_large();
    }
    let mut body = Vec::new();
    if let Err(e) = request
        .as_reader()
        .take(BODY_LIMIT as u64 + 1)
        .read_to_end(&mut body)
    {
        return Reply::error(
            400,
            Note::ApiBadJson {
                detail: e.to_string(),
            }
            .text(lang),
        );
    }
    if body.len() > BODY_LIMIT {
        return too_large();
    }
    let value: Value = match serde_json::from_slice(&body) {
        Ok(v) => v,
        Err(e) => {
            return Reply::error(
                400,
                Note::ApiBadJson {
                    detail: e.to_string(),
                }
                .text(lang),
            );
        }
    };
    let Some(action) = value.get("action").and_then(Value::as_str) else {
        return Reply::error(
            400,
            Note::ApiMissingParam {
                name: "action".into(),
            }
            .text(lang),
        );
    };
    let empty = json!({});
    let params = value.get("params").unwrap_or(&empty);
    let api = Api {
        shared,
        root: shared.root.as_path(),
        params,
        lang,
    };
    let result = match action {
        "info" => Ok(api.info()),
        "entriesByFolder" => api.entries_by_folder(),
        "entriesByFiles" => api.entries_by_files(),
        "getEntry" => api.get_entry(),
        "persistEntry" => api.persist_entry(),
        "getMedia" => api.get_media(),
        "getMediaFile" => api.get_media_file(),
        "persistMedia" => api.persist_media(),
        "deleteFile" => api.delete_files(false),
        "deleteFiles" => api.delete_files(true),
        "getDeployPreview" => Ok(Value::Null),
        other => Err(Reply::error(
            422,
            Note::ApiUnknownAction {
                action: other.to_owned(),
            }
            .text(lang),
        )),
    };
    result.map_or_else(|reply| reply, Reply::ok)
}

/// One request's parameters.
struct Api<'a> {
    shared: &'a Shared,
    root: &'a Path,
    params: &'a Value,
    lang: Lang,
}

type Answer = Result<Value, Reply>;

impl Api<'_> {
    fn missing(&self, name: &str) -> Reply {
        Reply::error(
            400,
            Note::ApiMissingParam {
                name: name.to_owned(),
            }
            .text(self.lang),
        )
    }

    fn str_param(&self, value: &Value, name: &str) -> Result<String, Reply> {
        value
            .get(name)
            .and_then(Value::as_str)
            .map(str::to_owned)
            .ok_or_else(|| self.missing(name))
    }

    fn refused(&self, path: &str, why: Refused) -> Reply {
        let path = path.to_owned();
        match why {
            Refused::Outside => Reply::error(403, Note::ApiPathOutside { path }.text(self.lang)),
            Refused::NotEntry => Reply::error(422, Note::ApiNotEntryPath { path }.text(self.lang)),
            Refused::NotImage => Reply::error(422, Note::ApiNotImagePath { path }.text(self.lang)),
            Refused::Missing => Reply::error(404, Note::ApiNotFound { path }.text(self.lang)),
            Refused::Io(error) => Reply::error(500, Note::ApiWriteFailed { error }.text(self.lang)),
        }
    }

    fn content_path(&self, path: &str) -> Result<ContentPath, Reply> {
        ContentPath::parse(path).map_err(|why| self.refused(path, why))
    }

    fn info(&self) -> Value {
        let repo = self
            .root
            .canonicalize()
            .ok()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .unwrap_or_default();
        json!({ "repo": repo, "publish_modes": ["simple"], "type": "local_fs" })
    }

    /// An entry as decap-server gives it; a file that is not there has
    /// `data` and `id` null. A path that leads out of `content/` is refused.
    fn entry(&self, path: &str, label: Option<&str>) -> Answer {
        let file = match self.content_path(path)?.for_reading(self.root) {
            Ok(file) => Some(file),
            Err(Refused::Outside) => return Err(self.refused(path, Refused::Outside)),
            Err(_) => None,
        };
        Ok(entry_of(path, file.as_deref(), label))
    }
}

/// An entry as decap-server gives it, read from `file` (checked already).
fn entry_of(path: &str, file: Option<&Path>, label: Option<&str>) -> Value {
    let bytes = file.and_then(|f| std::fs::read(f).ok());
    let (data, id) = match &bytes {
        Some(b) => (json!(String::from_utf8_lossy(b)), json!(sha256::hex(b))),
        None => (Value::Null, Value::Null),
    };
    let mut file = json!({ "path": path });
    if let Some(label) = label {
        file["label"] = json!(label);
    }
    file["id"] = id;
    json!({ "data": data, "file": file })
}

impl Api<'_> {
    /// `{folder, extension, depth}`: the files below `folder` whose names
    /// end in `extension`, `depth` levels deep.
    fn entries_by_folder(&self) -> Answer {
        let folder = self.str_param(self.params, "folder")?;
        let extension = self.str_param(self.params, "extension")?;
        let depth = self
            .params
            .get("depth")
            .and_then(Value::as_u64)
            .ok_or_else(|| self.missing("depth"))?;
        // Bounded: a link inside `content/` to a folder above it would
        // otherwise be walked again and again.
        let files = self.list(&folder, &extension, depth.min(MAX_DEPTH) as usize)?;
        Ok(Value::Array(
            files
                .iter()
                .map(|(shown, file)| entry_of(shown, Some(file), None))
                .collect(),
        ))
    }

    /// Files below a folder of `content/` (paths as Decap names them),
    /// sorted; hidden names, `_` names and links leading out are left out.
    fn list(
        &self,
        folder: &str,
        extension: &str,
        depth: usize,
    ) -> Result<Vec<(String, PathBuf)>, Reply> {
        let cp = self.content_path(folder)?;
        let (dir, content) = match cp.folder_for_reading(self.root) {
            Ok(found) => found,
            Err(Refused::Missing) => return Ok(Vec::new()),
            Err(why) => return Err(self.refused(folder, why)),
        };
        let mut out = Vec::new();
        walk(&dir, &cp.as_str(), extension, depth, &content, &mut out);
        out.sort();
        Ok(out)
    }

    fn entries_by_files(&self) -> Answer {
        let files = self
            .params
            .get("files")
            .and_then(Value::as_array)
            .ok_or_else(|| self.missing("files"))?;
        let mut out = Vec::with_capacity(files.len());
        for f in files {
            let path = self.str_param(f, "path")?;
            out.push(self.entry(&path, f.get("label").and_then(Value::as_str))?);
        }
        Ok(Value::Array(out))
    }

    fn get_entry(&self) -> Answer {
        let path = self.str_param(self.params, "path")?;
        self.entry(&path, None)
    }

    /// `{dataFiles: [{slug, path, raw, newPath?}]}` (or the older `entry`)
    /// and `assets: [{path, content, encoding}]`: all checked together, then
    /// written together (a `newPath` moves the entry: the old file goes).
    fn persist_entry(&self) -> Answer {
        let data_files: Vec<&Value> = match (self.params.get("dataFiles"), self.params.get("entry"))
        {
            (Some(Value::Array(files)), _) => files.iter().collect(),
            (None, Some(entry @ Value::Object(_))) => vec![entry],
            _ => return Err(self.missing("dataFiles")),
        };
        let mut overlay = Overlay::default();
        for f in data_files {
            let path = self.str_param(f, "path")?;
            let raw = self.str_param(f, "raw")?;
            let new_path = match f.get("newPath") {
                None | Some(Value::Null) => None,
                Some(Value::String(p)) => Some(p.clone()),
                Some(_) => return Err(self.missing("newPath")),
            };
            let old = self.entry_path(&path)?;
            match new_path {
                Some(new_path) if new_path != path => {
                    let new = self.entry_path(&new_path)?;
                    overlay.write(new, Arc::new(raw.into_bytes()));
                    overlay.remove(old);
                }
                _ => overlay.write(old, Arc::new(raw.into_bytes())),
            }
        }
        let assets = match self.params.get("assets") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(a)) => a.iter().collect(),
            Some(_) => return Err(self.missing("assets")),
        };
        for asset in assets {
            let (path, bytes) = self.asset(asset)?;
            overlay.write(path, Arc::new(bytes));
        }
        self.apply(overlay)?;
        Ok(json!({ "message": "entry persisted" }))
    }

    /// Where an entry file may be written.
    fn entry_path(&self, path: &str) -> Result<PathBuf, Reply> {
        self.content_path(path)?
            .for_writing(self.root, Kind::Entry)
            .map_err(|why| self.refused(path, why))
    }

    /// An uploaded image: `{path, content, encoding: "base64"}`, checked as
    /// `check` checks images.
    fn asset(&self, asset: &Value) -> Result<(PathBuf, Vec<u8>), Reply> {
        let path = self.str_param(asset, "path")?;
        let content = self.str_param(asset, "content")?;
        if asset.get("encoding").and_then(Value::as_str) != Some("base64") {
            return Err(self.missing("encoding"));
        }
        let target = self
            .content_path(&path)?
            .for_writing(self.root, Kind::Image)
            .map_err(|why| self.refused(&path, why))?;
        let bytes = base64::decode(&content).ok_or_else(|| {
            Reply::error(
                400,
                Note::ApiBadBase64 { path: path.clone() }.text(self.lang),
            )
        })?;
        if let Err(detail) = crate::printable::check_image(&path, &bytes) {
            let shown = path.strip_prefix("content/").unwrap_or(&path).to_owned();
            return Err(Reply::error(
                422,
                Message::ImageUnreadable {
                    path: shown,
                    detail,
                }
                .text(self.lang),
            ));
        }
        Ok((target, bytes))
    }

    fn apply(&self, overlay: Overlay) -> Result<(), Reply> {
        edit::apply(self.shared, overlay).map_err(|refusal| match refusal {
            Refusal::Invalid(report) => Reply::error(422, report),
            Refusal::Io(error) => Reply::error(500, Note::ApiWriteFailed { error }.text(self.lang)),
        })
    }

    /// A media file as decap-server gives it.
    fn media_file(&self, path: &str) -> Result<Value, Reply> {
        let cp = self.content_path(path)?;
        let file = cp
            .for_reading(self.root)
            .map_err(|why| self.refused(path, why))?;
        let bytes = std::fs::read(&file).map_err(|_| self.refused(path, Refused::Missing))?;
        let name = path.rsplit('/').next().unwrap_or(path);
        Ok(json!({
            "id": sha256::hex(&bytes),
            "content": base64::encode(&bytes),
            "encoding": "base64",
            "path": path,
            "name": name,
        }))
    }

    /// `{mediaFolder}`: every file directly in it.
    fn get_media(&self) -> Answer {
        let folder = self.str_param(self.params, "mediaFolder")?;
        let files = self.list(&folder, "", 1)?;
        let media: Result<Vec<Value>, Reply> = files
            .iter()
            .map(|(shown, _)| self.media_file(shown))
            .collect();
        Ok(Value::Array(media?))
    }

    fn get_media_file(&self) -> Answer {
        let path = self.str_param(self.params, "path")?;
        self.media_file(&path)
    }

    fn persist_media(&self) -> Answer {
        let asset = self
            .params
            .get("asset")
            .ok_or_else(|| self.missing("asset"))?;
        let (target, bytes) = self.asset(asset)?;
        let path = self.str_param(asset, "path")?;
        let mut overlay = Overlay::default();
        overlay.write(target, Arc::new(bytes));
        self.apply(overlay)?;
        self.media_file(&path)
    }

    /// `deleteFile {path}` / `deleteFiles {paths}`: entries and images only;
    /// refused if something else still needs the file.
    fn delete_files(&self, many: bool) -> Answer {
        let paths: Vec<String> = if many {
            let list = self
                .params
                .get("paths")
                .and_then(Value::as_array)
                .ok_or_else(|| self.missing("paths"))?;
            list.iter()
                .map(|p| {
                    p.as_str()
                        .map(str::to_owned)
                        .ok_or_else(|| self.missing("paths"))
                })
                .collect::<Result<_, _>>()?
        } else {
            vec![self.str_param(self.params, "path")?]
        };
        let mut overlay = Overlay::default();
        for path in &paths {
            let cp = self.content_path(path)?;
            let kind = cp.kind().map_err(|why| self.refused(path, why))?;
            let file = cp
                .for_writing(self.root, kind)
                .map_err(|why| self.refused(path, why))?;
            overlay.remove(file);
        }
        self.apply(overlay)?;
        let message = if many {
            format!("deleted files {}", paths.join(", "))
        } else {
            format!("deleted file {}", paths[0])
        };
        Ok(json!({ "message": message }))
    }
}

/// Lists the files below `dir` (named `shown` as Decap names it) whose
/// names end in `extension`, `depth` levels deep (decap-server's
/// `listFiles`), leaving out hidden and `_` names and anything whose real
/// path is not below `content` (the root's real `content/`).
fn walk(
    dir: &Path,
    shown: &str,
    extension: &str,
    depth: usize,
    content: &Path,
    out: &mut Vec<(String, PathBuf)>,
) {
    if depth == 0 {
        return;
    }
    let Ok(read) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in read.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || name.starts_with('_') {
            continue;
        }
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        // `dir` is inside: only a link can lead out.
        let (is_dir, is_file) = if kind.is_symlink() {
            match path.canonicalize() {
                Ok(real) if real.starts_with(content) => (real.is_dir(), real.is_file()),
                _ => continue,
            }
        } else {
            (kind.is_dir(), kind.is_file())
        };
        let shown = format!("{shown}/{name}");
        if is_dir {
            walk(&path, &shown, extension, depth - 1, content, out);
        } else if is_file && name.ends_with(extension) {
            out.push((shown, path));
        }
    }
}
