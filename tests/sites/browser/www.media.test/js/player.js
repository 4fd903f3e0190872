/* A site video player configured in script: builds a <video> in its container. */
function ZwPlayer(cfg) {
  var box = document.getElementById(cfg.container);
  var v = document.createElement("video");
  v.controls = true;
  v.preload = "none";
  v.src = cfg.video;
  box.appendChild(v);
}
