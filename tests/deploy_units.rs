//! The scheduling examples shipped in deploy/ are valid: the systemd units pass
//! `systemd-analyze verify` (when the tool is installed) and the example site list loads.

mod common;
use common::*;

#[test]
fn systemd_units_verify() {
    if std::process::Command::new("systemd-analyze")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("SKIP systemd_units_verify: systemd-analyze is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for f in ["zwgk-selfcheck.service", "zwgk-selfcheck.timer"] {
        let text = std::fs::read_to_string(manifest_dir().join("deploy").join(f)).unwrap();
        // point ExecStart at the freshly built binary so the check is about the unit files
        let text = text.replace("/usr/local/bin/zwgk", env!("CARGO_BIN_EXE_zwgk"));
        std::fs::write(dir.path().join(f), text).unwrap();
    }
    let o = std::process::Command::new("systemd-analyze")
        .current_dir(dir.path())
        .args([
            "verify",
            "./zwgk-selfcheck.service",
            "./zwgk-selfcheck.timer",
        ])
        .output()
        .unwrap();
    let all = format!("{}{}", stdout(&o), stderr(&o));
    assert!(o.status.success(), "{all}");
    assert!(!all.contains("zwgk-selfcheck"), "warnings: {all}");
}

#[test]
fn example_site_list_and_crontab_are_usable() {
    let sites = zwgk::batch::load_sites(&manifest_dir().join("deploy/sites.example.toml")).unwrap();
    assert_eq!(sites.len(), 2);
    assert_eq!(
        sites[1].columns.get("预算决算").map(String::as_str),
        Some("/zwgk_221/fdzdgknr/czyjs/")
    );
    let cron = std::fs::read_to_string(manifest_dir().join("deploy/crontab.example")).unwrap();
    let line = cron.lines().find(|l| !l.starts_with('#')).unwrap();
    assert_eq!(
        line.split_whitespace().take(5).collect::<Vec<_>>(),
        ["30", "2", "1", "*", "*"]
    );
    assert!(line.contains("zwgk check --sites"));
}
