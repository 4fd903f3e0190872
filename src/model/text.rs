//! Shared immutable strings ([`Txt`]) and the [`Interner`] that makes equal strings share
//! one allocation while the crawl builds the site graph.
//!
//! Government sites repeat the same strings on every page: breadcrumb segments and their
//! URLs, footer phone numbers and 备案 numbers, field labels, page-tag meta. Interned, a
//! 20,000-page site keeps each of them once. A `Txt` serialises as a plain string.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// An immutable, cheaply cloned string.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Txt(Arc<str>);

impl Txt {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Both are the same allocation (interned together).
    pub fn shares_storage(&self, other: &Txt) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for Txt {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Txt {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Txt {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Txt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Txt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl From<&str> for Txt {
    fn from(s: &str) -> Self {
        Txt(Arc::from(s))
    }
}

impl From<String> for Txt {
    fn from(s: String) -> Self {
        Txt(Arc::from(s))
    }
}

impl From<&String> for Txt {
    fn from(s: &String) -> Self {
        Txt(Arc::from(s.as_str()))
    }
}

impl From<url::Url> for Txt {
    fn from(u: url::Url) -> Self {
        Txt::from(String::from(u))
    }
}

impl From<Txt> for String {
    fn from(t: Txt) -> Self {
        t.0.to_string()
    }
}

impl PartialEq<str> for Txt {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Txt {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for Txt {
    fn eq(&self, other: &String) -> bool {
        &*self.0 == other.as_str()
    }
}

impl PartialEq<Txt> for str {
    fn eq(&self, other: &Txt) -> bool {
        self == &*other.0
    }
}

impl PartialEq<Txt> for &str {
    fn eq(&self, other: &Txt) -> bool {
        *self == &*other.0
    }
}

impl Serialize for Txt {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Txt {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(Txt::from)
    }
}

/// Deduplicates [`Txt`]s: equal strings end up sharing one allocation.
#[derive(Debug, Default)]
pub struct Interner {
    set: foldhash::HashSet<Txt>,
}

impl Interner {
    /// Replace `t` by the pooled copy of its text (adding it when new).
    pub fn intern(&mut self, t: &mut Txt) {
        match self.set.get(t.as_str()) {
            Some(p) => *t = p.clone(),
            None => {
                self.set.insert(t.clone());
            }
        }
    }

    pub fn intern_opt(&mut self, t: &mut Option<Txt>) {
        if let Some(t) = t {
            self.intern(t);
        }
    }

    /// Number of distinct strings seen.
    pub fn len(&self) -> usize {
        self.set.len()
    }

    pub fn is_empty(&self) -> bool {
        self.set.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_strings_share_one_allocation() {
        let mut pool = Interner::default();
        let mut a = Txt::from("联系电话");
        let mut b = Txt::from(String::from("联系电话"));
        assert!(!Arc::ptr_eq(&a.0, &b.0));
        pool.intern(&mut a);
        pool.intern(&mut b);
        assert!(Arc::ptr_eq(&a.0, &b.0));
        assert_eq!(pool.len(), 1);
        assert_eq!(a, "联系电话");
        assert_eq!(serde_json::to_string(&a).unwrap(), "\"联系电话\"");
        let back: Txt = serde_json::from_str("\"联系电话\"").unwrap();
        assert_eq!(back, a);
    }
}
