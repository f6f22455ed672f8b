//! Where a node of the document is: a chain of keys that shares its parent's chain, so that
//! walking a large document with its references followed clones a counter per member instead of
//! a list of strings (a 500 KB spec has some 100,000 members). Turned into the list of keys a
//! finding reports only when a finding is made.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

/// A path of keys from the document root.
#[derive(Clone, Default)]
pub(crate) struct Path<'a>(Option<Rc<Segment<'a>>>);

struct Segment<'a> {
    parent: Path<'a>,
    key: Key<'a>,
    len: usize,
}

/// One key: a member's name as written in the document, an item's index, or a name decoded
/// from a `$ref`.
#[derive(Clone)]
enum Key<'a> {
    Name(&'a str),
    Index(usize),
    Owned(Rc<str>),
}

impl Key<'_> {
    fn text(&self) -> Cow<'_, str> {
        match self {
            Key::Name(s) => Cow::Borrowed(s),
            Key::Index(i) => Cow::Owned(i.to_string()),
            Key::Owned(s) => Cow::Borrowed(s),
        }
    }
}

impl<'a> Path<'a> {
    fn push(&self, key: Key<'a>) -> Path<'a> {
        Path(Some(Rc::new(Segment {
            parent: self.clone(),
            key,
            len: self.len() + 1,
        })))
    }

    /// The path of a member named as in the document.
    pub fn name(&self, key: &'a str) -> Path<'a> {
        self.push(Key::Name(key))
    }

    /// The path of an array's item.
    pub fn index(&self, i: usize) -> Path<'a> {
        self.push(Key::Index(i))
    }

    /// The path of a member whose name is not borrowed from the document.
    pub fn owned(&self, key: &str) -> Path<'a> {
        self.push(Key::Owned(Rc::from(key)))
    }

    /// A path of decoded keys (a `$ref`'s pointer).
    pub fn of(keys: impl IntoIterator<Item = String>) -> Path<'a> {
        keys.into_iter()
            .fold(Path::default(), |p, k| p.push(Key::Owned(Rc::from(k))))
    }

    /// How many keys.
    pub fn len(&self) -> usize {
        self.0.as_ref().map_or(0, |s| s.len)
    }

    /// The keys, root first.
    fn keys(&self) -> Vec<&Key<'a>> {
        let mut keys = Vec::with_capacity(self.len());
        let mut at = self;
        while let Some(s) = &at.0 {
            keys.push(&s.key);
            at = &s.parent;
        }
        keys.reverse();
        keys
    }

    /// The keys as a finding reports them.
    pub fn to_vec(&self) -> Vec<String> {
        self.keys().into_iter().map(|k| k.text().into_owned()).collect()
    }

    /// The keys joined by `sep`.
    pub fn join(&self, sep: &str) -> String {
        let mut out = String::new();
        for (i, k) in self.keys().into_iter().enumerate() {
            if i > 0 {
                out.push_str(sep);
            }
            match k {
                Key::Index(n) => {
                    let _ = write!(out, "{n}");
                }
                other => out.push_str(&other.text()),
            }
        }
        out
    }

    /// Whether the path is these keys.
    pub fn is(&self, keys: &[&str]) -> bool {
        self.len() == keys.len() && self.keys().iter().zip(keys).all(|(k, s)| k.text() == *s)
    }
}

impl PartialEq for Path<'_> {
    fn eq(&self, other: &Self) -> bool {
        if self.len() != other.len() {
            return false;
        }
        let (mut a, mut b) = (self, other);
        loop {
            match (&a.0, &b.0) {
                (None, None) => return true,
                (Some(x), Some(y)) => {
                    if Rc::ptr_eq(x, y) {
                        return true;
                    }
                    if x.key.text() != y.key.text() {
                        return false;
                    }
                    a = &x.parent;
                    b = &y.parent;
                }
                _ => return false,
            }
        }
    }
}

impl Eq for Path<'_> {}

impl Hash for Path<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.len().hash(state);
        let mut at = self;
        while let Some(s) = &at.0 {
            s.key.text().hash(state);
            at = &s.parent;
        }
    }
}

impl std::fmt::Debug for Path<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.to_vec()).finish()
    }
}

/// What a finding's path may be given as: a [`Path`] or a list of keys built by hand.
pub(crate) trait FindingPath {
    /// The keys, root first.
    fn keys(&self) -> Vec<String>;
}

impl FindingPath for Path<'_> {
    fn keys(&self) -> Vec<String> {
        self.to_vec()
    }
}

impl FindingPath for [String] {
    fn keys(&self) -> Vec<String> {
        self.to_vec()
    }
}

impl FindingPath for Vec<String> {
    fn keys(&self) -> Vec<String> {
        self.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_is_its_keys_however_it_was_built() {
        let root = Path::default();
        let a = root.name("paths").owned("/zaken").index(0);
        let b = Path::of(["paths".to_string(), "/zaken".to_string(), "0".to_string()]);
        assert_eq!(a, b);
        assert_eq!(a.to_vec(), vec!["paths", "/zaken", "0"]);
        assert_eq!(a.join("."), "paths./zaken.0");
        assert!(a.is(&["paths", "/zaken", "0"]));
        assert_ne!(a, root.name("paths").owned("/zaken"));
        let hash = |p: &Path<'_>| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            p.hash(&mut h);
            h.finish()
        };
        assert_eq!(hash(&a), hash(&b));
    }
}
