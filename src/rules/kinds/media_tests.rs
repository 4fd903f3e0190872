//! Tests of the `media` kind, on hand-built graphs through the built-in packs: the
//! compliant site passes, each break fails (or warns when the crawl cannot decide).

use crate::rules::kinds::test_support::*;

#[test]
fn media_verified_flash_and_unverified() {
    let mut b = compliant();
    for p in [
        "/zwgk/fdzdgknr/zcjd/tpjd/202610/W1.png",
        "/zwgk/fdzdgknr/zcjd/spjd/202610/W2.mp4",
    ] {
        let url = b.g.url_id(&abs(p));
        b.g.verified.push(Verified {
            url,
            outcome: VerifyOutcome::Ok,
            status: Some(200),
            content_type: None,
            detail: String::new(),
            bytes_read: 10,
        });
    }
    assert_eq!(status(&b, "ZW-M01"), Status::Pass);
    b.g.verified[1].outcome = VerifyOutcome::WrongType;
    let m01 = get(&run(&b), "ZW-M01").clone();
    assert_eq!(m01.status, Status::Fail);
    assert!(m01.evidence[0].url.ends_with("W2.mp4"));
    let mut b = compliant();
    let a = b.find("/zwgk/fdzdgknr/zcjd/spjd/202610/t20261014_3.html");
    b.media(a, "/old/player.swf", MediaKind::Flash);
    let m01 = get(&run(&b), "ZW-M01").clone();
    assert_eq!(m01.status, Status::Fail);
    assert!(m01.message.contains("无法正常显示或播放"));
}

fn verified(b: &mut B, path: &str, outcome: VerifyOutcome) {
    let url = b.g.url_id(&abs(path));
    b.g.verified.push(Verified {
        url,
        outcome,
        status: Some(if outcome == VerifyOutcome::Ok {
            200
        } else {
            404
        }),
        content_type: None,
        detail: String::new(),
        bytes_read: 10,
    });
}

#[test]
fn new_media_list_links_and_qr_codes_are_verified_in_its_column_only() {
    let mut b = compliant();
    let xm = b.find("/zwxmt/");
    b.link(xm, "访问账号", "/zwxmt/acc1.html");
    b.media(xm, "/zwxmt/qr1.png", MediaKind::Image);
    // a broken link elsewhere is GOV-D01's, not ZW-P24's
    let news = b.find("/xwdt/");
    b.link(news, "旧链接", "/old/gone.html");
    verified(&mut b, "/old/gone.html", VerifyOutcome::Broken);
    verified(&mut b, "/zwxmt/acc1.html", VerifyOutcome::Ok);
    verified(&mut b, "/zwxmt/qr1.png", VerifyOutcome::Ok);
    let r = run(&b);
    let p24 = get(&r, "ZW-P24");
    assert_eq!(p24.status, Status::Pass, "{}", p24.message);
    assert!(
        !p24.evidence
            .iter()
            .any(|e| e.url.ends_with("/old/gone.html"))
    );
    // the account link and the QR image broken: both named
    let n = b.g.verified.len();
    b.g.verified[n - 2].outcome = VerifyOutcome::Broken;
    b.g.verified[n - 1].outcome = VerifyOutcome::Broken;
    let r = run(&b);
    let p24 = get(&r, "ZW-P24");
    assert_eq!(p24.status, Status::Fail, "{}", p24.message);
    for u in ["/zwxmt/acc1.html", "/zwxmt/qr1.png"] {
        assert!(
            p24.evidence.iter().any(|e| e.url.ends_with(u)),
            "{u}: {:?}",
            p24.evidence
        );
    }
    // not verified at all: undecided, never a pass
    let mut b = compliant();
    let xm = b.find("/zwxmt/");
    b.link(xm, "访问账号", "/zwxmt/acc1.html");
    assert_eq!(status(&b, "ZW-P24"), Status::Warn);
    // the list without platforms fails the fields
    let mut b = compliant();
    let xm = b.find("/zwxmt/");
    b.p(xm).labels = vec!["账号名称".into(), "二维码".into()];
    let p24 = get(&run(&b), "ZW-P24").clone();
    assert_eq!(p24.status, Status::Fail);
    assert!(p24.message.contains("缺少：平台"), "{}", p24.message);
}
