//! Tests of pack loading, validation errors and the catalogue texts.

use super::*;
use crate::i18n::Lang;

const CATALOGUE: &[&str] = &[
    "ZW-P01", "ZW-P02", "ZW-P03", "ZW-P04", "ZW-P05", "ZW-P06", "ZW-P07", "ZW-M01", "ZW-P08",
    "ZW-P09", "ZW-P10", "ZW-P11", "ZW-P12", "ZW-P13", "ZW-P14", "ZW-P15", "ZW-P16", "ZW-P17",
    "ZW-P18", "ZW-P19", "ZW-P20", "ZW-P21", "ZW-P22", "ZW-P23", "ZW-P24", "ZW-P25", "ZW-P26",
    "GOV-V01", "GOV-V02", "GOV-V03", "GOV-V04", "GOV-V05", "GOV-D01", "GOV-D02", "GOV-D03",
    "GOV-D04", "GOV-D05", "GOV-D06", "GOV-I01", "NB-01", "NB-02", "NB-03", "NB-04", "DOC-01",
];

fn pack_text(check: &str) -> String {
    format!(
        "[pack]\nname = \"t\"\ntitle = \"测试\"\n\n[[check]]\nid = \"T-1\"\ntitle = \"x\"\nseverity = \"low\"\noffice = \"办公室\"\nclass = \"seed\"\nrequirement = \"r\"\n{check}"
    )
}

#[test]
fn builtin_packs_cover_the_catalogue_with_offices() {
    let packs = load_packs(&[]).unwrap();
    assert_eq!(
        packs.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
        ["cq-wlw-2021", "gov-2019", "nb-2021"]
    );
    let ids: Vec<&str> = packs
        .iter()
        .flat_map(|p| p.checks.iter().map(|c| c.id.as_str()))
        .collect();
    assert_eq!(ids.len(), CATALOGUE.len());
    for id in CATALOGUE {
        assert!(ids.contains(id), "{id} missing");
    }
    for c in packs.iter().flat_map(|p| &p.checks) {
        assert!(
            !c.office.is_empty() && !c.requirement.is_empty() && !c.how_to_fix.is_empty(),
            "{}",
            c.id
        );
    }
    let p05 = packs[0].checks.iter().find(|c| c.id == "ZW-P05").unwrap();
    assert_eq!(p05.office, "政策法规处");
    // the tasks no website check can decide are listed once, each with office and reason
    let offline = &packs[0].offline;
    assert!(offline.len() >= 15, "{}", offline.len());
    assert!(
        offline
            .iter()
            .any(|o| o.requirement.contains("政务服务大厅"))
    );
    assert!(offline.iter().any(|o| o.requirement.contains("12345")));
    for o in offline {
        assert!(!o.office.is_empty() && !o.reason.is_empty() && !o.reason_en.is_empty());
    }
    assert!(packs[1].offline.is_empty());
}

#[test]
fn an_offline_item_needs_office_and_reason() {
    let t = pack_text(
        "[[check.step]]\nkind = \"markers\"\nmarkers = [\"viewport\"]\n\n[[offline]]\nsource = \"一(一)\"\nrequirement = \"r\"\noffice = \"办公室\"\nreason = \"\"\n",
    );
    let e = pack::parse_pack("x.toml", &t).unwrap_err().to_string();
    assert!(e.contains("offline item `一(一)`"), "{e}");
    let t = t.replace("reason = \"\"", "reason = \"线下\"");
    let p = pack::parse_pack("x.toml", &t).unwrap();
    assert_eq!(p.offline.len(), 1);
    let list = catalog::list_text(&[p], Lang::Zh);
    assert!(
        list.contains("不能在网站上检查的任务") && list.contains("一(一) — 线下"),
        "{list}"
    );
}

#[test]
fn selecting_one_pack_by_name_or_path() {
    let one = load_packs(&["gov-2019".to_string()]).unwrap();
    assert_eq!(one.len(), 1);
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/rules/cq-wlw-2021.toml").to_string();
    let p = load_packs(&[path.clone(), "cq-wlw-2021".into()]).unwrap();
    assert_eq!(p.len(), 1, "the same pack twice is loaded once");
    assert!(matches!(
        load_packs(&["nope".into()]),
        Err(RuleError::UnknownPack(_))
    ));
}

#[test]
fn malformed_toml_names_file_line_and_column() {
    let e = pack::parse_pack("x.toml", "[pack]\nname = \"t\"\ntitle = \n")
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("x.toml:3:"), "{e}");
}

#[test]
fn unknown_kind_is_rejected_with_position() {
    let t = pack_text("[[check.step]]\nkind = \"telepathy\"\n");
    let e = pack::parse_pack("x.toml", &t).unwrap_err().to_string();
    assert!(e.contains("telepathy") && e.starts_with("x.toml:"), "{e}");
}

#[test]
fn duplicate_ids_and_missing_office_are_rejected() {
    let one = pack_text("[[check.step]]\nkind = \"empty\"\n");
    let dup = format!(
        "{one}\n[[check]]\nid = \"T-1\"\ntitle = \"y\"\nseverity = \"low\"\noffice = \"o\"\nclass = \"seed\"\nrequirement = \"r\"\n[[check.step]]\nkind = \"empty\"\n"
    );
    let e = pack::parse_pack("x.toml", &dup).unwrap_err().to_string();
    assert!(
        e.contains("duplicate check ID") && e.starts_with("x.toml:16:"),
        "{e}"
    );
    let no_office = one.replace("office = \"办公室\"\n", "");
    let e = pack::parse_pack("x.toml", &no_office)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("missing `office`") && e.starts_with("x.toml:6:"),
        "{e}"
    );
}

#[test]
fn unknown_columns_and_unknown_fields_are_rejected() {
    let t = pack_text("[[check.step]]\nkind = \"path\"\npath = [\"政务公开\", \"不存在的栏目\"]\n");
    let e = pack::parse_pack("x.toml", &t).unwrap_err().to_string();
    assert!(e.contains("unknown column name `不存在的栏目`"), "{e}");
    let t = pack_text("[[check.step]]\nkind = \"path\"\npath = [\"政务公开\"]\nmax_extar = 1\n");
    let e = pack::parse_pack("x.toml", &t).unwrap_err().to_string();
    assert!(e.contains("max_extar"), "{e}");
    let t = pack_text("[[check.step]]\nkind = \"fields\"\nfields = [\"名称\"]\n");
    let e = pack::parse_pack("x.toml", &t).unwrap_err().to_string();
    assert!(e.contains("needs a `column` path"), "{e}");
}

#[test]
fn a_pack_can_add_its_own_columns() {
    let t = pack_text(
        "[[check.step]]\nkind = \"path\"\npath = [\"政务公开\", \"乡村振兴\"]\n\n[column.\"乡村振兴\"]\naliases = [\"乡村振兴\", \"巩固脱贫\"]\nslugs = [\"xczx\"]\n",
    );
    let p = pack::parse_pack("x.toml", &t).unwrap();
    assert!(p.aliases.column("乡村振兴").match_slug("xczx"));
}

#[test]
fn list_and_explain_texts() {
    let packs = load_packs(&[]).unwrap();
    let list = list_text(&packs, Lang::Zh);
    for id in CATALOGUE {
        assert!(list.contains(id), "{id}");
    }
    let ex = explain_text(&packs, "zw-p05", Lang::Zh).unwrap();
    assert!(
        ex.contains("视频、图片、文字") && ex.contains("政策法规处") && ex.contains("[subcolumns]"),
        "{ex}"
    );
    assert!(ex.contains("整改建议"));
    let en = explain_text(&packs, "ZW-P05", Lang::En).unwrap();
    assert!(
        en.contains("how it is checked") && en.contains("child columns"),
        "{en}"
    );
    assert!(explain_text(&packs, "NOPE", Lang::Zh).is_none());
}
