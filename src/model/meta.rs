//! Page-tag meta (`<meta name=… content=…>`: SiteName, ColumnName, PubDate …) as a small
//! sorted list: a page has a handful of tags, and a map per page would cost far more.

use super::text::{Interner, Txt};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;

/// Meta tags by lower-cased name, sorted by name.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meta(Vec<(Txt, Txt)>);

impl Meta {
    fn pos(&self, name: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(name))
    }

    pub fn get(&self, name: &str) -> Option<&Txt> {
        self.pos(name).ok().map(|i| &self.0[i].1)
    }

    pub fn contains_key(&self, name: &str) -> bool {
        self.pos(name).is_ok()
    }

    /// Set a tag, replacing an earlier value.
    pub fn insert(&mut self, name: impl Into<Txt>, value: impl Into<Txt>) {
        let (name, value) = (name.into(), value.into());
        match self.pos(&name) {
            Ok(i) => self.0[i].1 = value,
            Err(i) => self.0.insert(i, (name, value)),
        }
    }

    pub fn remove(&mut self, name: &str) -> Option<Txt> {
        self.pos(name).ok().map(|i| self.0.remove(i).1)
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }

    pub fn iter(&self) -> impl Iterator<Item = (&Txt, &Txt)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &Txt> {
        self.0.iter().map(|(k, _)| k)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub(crate) fn intern(&mut self, pool: &mut Interner) {
        for (k, v) in &mut self.0 {
            pool.intern(k);
            pool.intern(v);
        }
        self.0.shrink_to_fit();
    }
}

impl std::ops::Index<&str> for Meta {
    type Output = Txt;
    fn index(&self, name: &str) -> &Txt {
        self.get(name)
            .unwrap_or_else(|| panic!("no meta tag {name:?}"))
    }
}

impl Serialize for Meta {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

impl<'de> Deserialize<'de> for Meta {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let m = BTreeMap::<String, String>::deserialize(d)?;
        Ok(Meta(
            m.into_iter().map(|(k, v)| (k.into(), v.into())).collect(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_lookup_insert_remove_and_map_serialisation() {
        let mut m = Meta::default();
        m.insert("sitename", "某区人民政府");
        m.insert("columnname", "通知公告");
        m.insert("sitename", "秀水区人民政府");
        assert_eq!(m.len(), 2);
        assert_eq!(m["sitename"], "秀水区人民政府");
        assert!(m.contains_key("columnname") && !m.contains_key("pubdate"));
        let keys: Vec<&str> = m.keys().map(|k| k.as_str()).collect();
        assert_eq!(keys, ["columnname", "sitename"]);
        let json = serde_json::to_string(&m).unwrap();
        assert_eq!(
            json,
            r#"{"columnname":"通知公告","sitename":"秀水区人民政府"}"#
        );
        let back: Meta = serde_json::from_str(&json).unwrap();
        assert_eq!(back, m);
        assert_eq!(m.remove("columnname").unwrap(), "通知公告");
        assert_eq!(m.len(), 1);
    }
}
