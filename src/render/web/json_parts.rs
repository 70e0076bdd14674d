//! Compact JSON from parts: an object some of whose arrays are given as
//! already serialised items. The search index and the export are built this
//! way, so that `serve` can keep the items of unchanged entries from one
//! rebuild to the next and need not even copy them
//! ([`crate::output::Content::parts`]).

use std::sync::Arc;

use serde_json::{Map, Value};

/// A JSON text in parts, to be joined in order.
pub(super) type Parts = Vec<Arc<Vec<u8>>>;

/// `object` serialised compactly, with the arrays of the keys in `arrays`
/// made of the given serialised items: joined, the same bytes as
/// `serde_json::to_vec` of the object holding those arrays. Each key of
/// `arrays` must be in `object` (its value there is not used), so that it
/// has its place in the object's key order.
pub(super) fn object_with_arrays(
    object: &Map<String, Value>,
    arrays: &[(&str, &[Arc<Vec<u8>>])],
) -> Parts {
    let comma = Arc::new(b",".to_vec());
    let mut parts = Parts::new();
    let mut frame = vec![b'{'];
    for (n, (key, value)) in object.iter().enumerate() {
        if n > 0 {
            frame.push(b',');
        }
        // Writing into a Vec cannot fail.
        let _ = serde_json::to_writer(&mut frame, key);
        frame.push(b':');
        match arrays.iter().find(|(k, _)| k == key) {
            Some((_, items)) => {
                frame.push(b'[');
                parts.push(Arc::new(std::mem::take(&mut frame)));
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        parts.push(Arc::clone(&comma));
                    }
                    parts.push(Arc::clone(item));
                }
                frame.push(b']');
            }
            None => {
                let _ = serde_json::to_writer(&mut frame, value);
            }
        }
    }
    frame.push(b'}');
    parts.push(Arc::new(frame));
    parts
}

/// A value serialised compactly.
pub(super) fn to_bytes(value: &Value) -> Vec<u8> {
    serde_json::to_vec(value).unwrap_or_default()
}

/// The parts joined.
pub(super) fn join(parts: &[Arc<Vec<u8>>]) -> Vec<u8> {
    let mut out = Vec::with_capacity(parts.iter().map(|p| p.len()).sum());
    parts.iter().for_each(|p| out.extend_from_slice(p));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn same_bytes_as_serialising_the_whole() {
        let items = [json!({ "b": 1, "a": "x\"y" }), json!([1, 2]), json!(null)];
        let whole = json!({ "z": 1, "list": items, "empty": [], "a": { "k": "ä" } });
        let serialised: Vec<Arc<Vec<u8>>> = items.iter().map(|i| Arc::new(to_bytes(i))).collect();
        let Value::Object(mut frame) = whole.clone() else {
            panic!("an object")
        };
        frame.insert("list".into(), json!([]));
        let parts = object_with_arrays(&frame, &[("list", &serialised), ("empty", &[])]);
        assert_eq!(
            String::from_utf8(join(&parts)).unwrap(),
            serde_json::to_string(&whole).unwrap()
        );
    }
}
