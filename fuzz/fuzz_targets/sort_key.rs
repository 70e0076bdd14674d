//! German sort keys: a total order consistent with equality.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wegweiser::model::{Letter, SortKey};

fuzz_target!(|names: (&str, &str, &str)| {
    let (a, b, c) = names;
    let (ka, kb, kc) = (SortKey::new(a), SortKey::new(b), SortKey::new(c));
    assert_eq!(ka.cmp(&kb), kb.cmp(&ka).reverse());
    assert_eq!(ka == kb, a == b);
    if ka <= kb && kb <= kc {
        assert!(ka <= kc);
    }
    let _ = Letter::of(a).slug();
    let _ = wegweiser::suggest(a, [b, c]);
});
