//! Media as a browser plays it: in a tab that loads images, video and audio of the site's
//! hosts (through the polite fetcher, bodies up to [`PLAY_MAX_BYTES`]), every `<img>`,
//! `<video>` and `<audio>` of the page and of its same-origin frames (iframe player pages)
//! is made to load — `loading="lazy"` set to eager, placeholder `src` replaced by the
//! lazy-load attribute that holds the real one, `preload="none"` media loaded muted, the
//! page stretched to its full height and scrolled so scroll- and intersection-based
//! loaders fire — and polled until each element has decided:
//!
//! * an image decoded when it is complete with `naturalWidth > 0`; a complete image
//!   without pixels is asked to `decode()` (an SVG without intrinsic size decodes, a
//!   malformed one does not);
//! * video and audio decoded at `readyState >= 2` (a frame or sample is available); a
//!   `MediaError`, or no usable source (`NETWORK_NO_SOURCE`), did not.
//!
//! Elements still loading when the time runs out, and files cut at the size cap that did
//! not decode from their first bytes, are undecided (`None`), never broken.

use super::intercept::{PLAY_MAX_BYTES, Tab};
use super::pool::err;
use crate::model::{PlayVia, PlayedElement, RenderError, RenderFailure};
use chromiumoxide::Page;
use chromiumoxide::cdp::browser_protocol::emulation::SetDeviceMetricsOverrideParams;
use serde::Deserialize;
use std::time::{Duration, Instant};
use url::Url;

/// Width of the playing viewport; its height is the page's, up to [`MAX_HEIGHT`].
const WIDTH: i64 = 1280;
const MAX_HEIGHT: i64 = 16_000;
/// Elements reported per page at most.
const MAX_ELEMENTS: usize = 200;
/// Pause between two looks at the elements.
const POLL: Duration = Duration::from_millis(250);

/// Makes every element load (idempotent: elements a player builds later are handled on
/// the next poll) and reports each one's state as JSON.
const COLLECT_JS: &str = r#"(function(){
var LAZY=['data-src','data-original','data-lazy','data-lazy-src','lazy-src','data-url','lay-src','original','data-echo','data-actualsrc','_src','file'];
var PLACEHOLDER=/^data:|loading|blank|lazy|placeholder|spacer|grey\.gif|default\.(gif|png|jpg)/i;
var out=[];
function img(i,frame){
  if(!i.hasAttribute('data-zwgk-seen')){
    i.setAttribute('data-zwgk-seen','1');
    try{i.loading='eager';}catch(e){}
    var s=i.getAttribute('src')||'';
    if(!s||PLACEHOLDER.test(s)){for(var k=0;k<LAZY.length;k++){var v=i.getAttribute(LAZY[k]);if(v&&!PLACEHOLDER.test(v)){i.setAttribute('src',v);break;}}}
  }
  var src=i.currentSrc||i.src;
  if(!src||/^(data|blob|about|javascript):/i.test(src))return;
  var st,det='naturalWidth '+i.naturalWidth;
  if(!i.complete)st='pending';
  else if(i.naturalWidth>0)st='ok';
  else{
    var d=i.getAttribute('data-zwgk-decode');
    if(d==='ok'){st='ok';det='decode() resolved';}
    else if(d==='err'){st='error';det='naturalWidth 0, decode() rejected';}
    else{st='pending';if(!d){i.setAttribute('data-zwgk-decode','wait');try{i.decode().then(function(){i.setAttribute('data-zwgk-decode','ok');},function(){i.setAttribute('data-zwgk-decode','err');});}catch(e){i.setAttribute('data-zwgk-decode','err');}}}
  }
  out.push({tag:'img',src:src,state:st,detail:det,frame:frame});
}
function media(m,frame){
  if(!m.hasAttribute('data-zwgk-seen')){
    m.setAttribute('data-zwgk-seen','1');
    try{m.muted=true;m.preload='auto';if(m.readyState<2)m.load();}catch(e){}
  }
  var src=m.currentSrc||m.src;
  if(!src){var so=m.querySelector('source[src]');if(so)src=so.src;}
  if(!src||/^(data|blob|about|javascript):/i.test(src))return;
  var st,det;
  if(m.error){st='error';det='MediaError '+m.error.code+(m.error.message?' '+m.error.message:'');}
  else if(m.readyState>=2){st='ok';det='readyState '+m.readyState;}
  else if(m.networkState===3){st='error';det='NETWORK_NO_SOURCE';}
  else{st='pending';det='readyState '+m.readyState+', networkState '+m.networkState;}
  out.push({tag:m.tagName.toLowerCase(),src:src,state:st,detail:det,frame:frame});
}
function walk(d,frame,depth){
  d.querySelectorAll('img').forEach(function(i){img(i,frame);});
  d.querySelectorAll('video,audio').forEach(function(m){media(m,frame);});
  if(depth<2)d.querySelectorAll('iframe,frame').forEach(function(f){try{var cd=f.contentDocument;if(cd&&cd.documentElement)walk(cd,true,depth+1);}catch(e){}});
}
walk(document,false,0);
try{window.scrollTo(0,document.documentElement.scrollHeight);window.dispatchEvent(new Event('scroll'));window.scrollTo(0,0);window.dispatchEvent(new Event('scroll'));}catch(e){}
return JSON.stringify({height:Math.max(document.documentElement.scrollHeight,document.body?document.body.scrollHeight:0),items:out});
})()"#;

#[derive(Deserialize)]
struct Look {
    height: i64,
    items: Vec<Item>,
}

#[derive(Deserialize)]
struct Item {
    tag: String,
    src: String,
    state: String,
    detail: String,
    frame: bool,
}

async fn look(page: &Page) -> Result<Look, RenderError> {
    let json: String = page
        .evaluate(COLLECT_JS)
        .await
        .map_err(|e| err(RenderFailure::Failed, format!("read media: {e}")))?
        .into_value()
        .map_err(|e| err(RenderFailure::Failed, format!("read media: {e}")))?;
    serde_json::from_str(&json).map_err(|e| err(RenderFailure::Failed, format!("read media: {e}")))
}

async fn viewport(page: &Page, height: i64) -> Result<(), RenderError> {
    let metrics = SetDeviceMetricsOverrideParams::new(WIDTH, height, 1.0, false);
    page.execute(metrics)
        .await
        .map(|_| ())
        .map_err(|e| err(RenderFailure::Failed, format!("viewport: {e}")))
}

/// Load and poll the page's elements for at most `limit`; one entry per element URL.
pub(super) async fn play(
    page: &Page,
    tab: &Tab,
    limit: Duration,
) -> Result<Vec<PlayedElement>, RenderError> {
    let started = Instant::now();
    viewport(page, 900).await?;
    let first = look(page).await?;
    // the whole page in view: native lazy loading and intersection observers fire
    viewport(page, first.height.clamp(900, MAX_HEIGHT)).await?;
    let last = loop {
        tab.settle(Duration::from_millis(300)).await;
        let last = look(page).await?;
        let pending = last.items.iter().any(|i| i.state == "pending");
        if !pending || started.elapsed() + POLL >= limit {
            break last;
        }
        tokio::time::sleep(POLL).await;
    };
    let answers = tab
        .media_answers
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    let mut out: Vec<PlayedElement> = Vec::new();
    for item in last.items {
        let Ok(url) = Url::parse(&item.src) else {
            continue;
        };
        if out.iter().any(|p| p.url == url) || out.len() >= MAX_ELEMENTS {
            continue;
        }
        let mut url_key = url.clone();
        url_key.set_fragment(None);
        let answer = answers.get(url_key.as_str()).copied();
        let mut detail = item.detail;
        let mut decoded = match item.state.as_str() {
            "ok" => Some(true),
            "error" => Some(false),
            _ => None,
        };
        match answer {
            Some((status, _)) if status >= 400 => detail = format!("HTTP {status}; {detail}"),
            Some((_, true)) if decoded != Some(true) => {
                // only the first bytes were given to the browser
                decoded = None;
                detail = format!("cut at {} MiB; {detail}", PLAY_MAX_BYTES / (1024 * 1024));
            }
            None if decoded == Some(false) => {
                detail = format!("not loaded (another host, or refused); {detail}");
                decoded = None;
            }
            _ => {}
        }
        if decoded.is_none() && item.state == "pending" {
            detail = format!("still loading after {:.0} s; {detail}", limit.as_secs_f64());
        }
        out.push(PlayedElement {
            url,
            tag: item.tag,
            decoded,
            detail,
            via: if item.frame {
                PlayVia::Frame
            } else {
                PlayVia::Page
            },
        });
    }
    Ok(out)
}
