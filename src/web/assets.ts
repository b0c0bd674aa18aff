import { createHash } from 'node:crypto';

import { LOCATIONS } from '../knowledge/locations.js';

/**
 * The only stylesheet and the only script, kept as strings so the build needs no copy step; served
 * under a content-hashed name with a year-long cache. The script is progressive enhancement only:
 * every page works without it.
 */
const CSS = `
:root{--bg:#f7f7f4;--card:#fff;--fg:#1c2024;--muted:#5a6169;--line:#dcdfe3;--accent:#1f5fbf;--accent-fg:#fff;
--ok:#17663a;--ok-bg:#e3f4e9;--warn:#8a5300;--warn-bg:#fdf0d8;--bad:#a1261b;--bad-bg:#fbe5e2;--info:#1f4f8f;--info-bg:#e4edf9;
--focus:#f5b400;--radius:12px;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--bg:#111418;--card:#1a1f25;--fg:#e8eaed;--muted:#a7afb8;--line:#2e353d;--accent:#7fb0ff;--accent-fg:#0b1420;
--ok:#7fd8a0;--ok-bg:#123122;--warn:#ffc66b;--warn-bg:#3a2a0c;--bad:#ff9c92;--bad-bg:#3d1612;--info:#9cc3ff;--info-bg:#142a47}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
a{color:var(--accent)}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible,summary:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-999px;top:0}.skip:focus{left:8px;top:8px;background:var(--card);padding:8px;z-index:9}
header.top{background:var(--card);border-bottom:1px solid var(--line)}
header.top .in{max-width:52rem;margin:0 auto;padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:center}
header.top form.signout{order:3;margin:0}
nav.lang{order:1;display:flex;gap:.6rem;font-size:.85rem}nav.lang a{color:var(--muted)}nav.lang [aria-current]{font-weight:600}
.narrow{display:none}
.brand{font-weight:700;text-decoration:none;color:var(--fg);font-size:1.1rem;margin-right:auto}
.brand span{color:var(--accent)}
nav.main{display:flex;flex-wrap:wrap;gap:.2rem .9rem;order:2}
nav.main a{text-decoration:none;color:var(--muted);padding:.2rem 0}
nav.main a[aria-current=page]{color:var(--fg);font-weight:600;border-bottom:2px solid var(--accent)}
main{max-width:52rem;margin:0 auto;padding:1rem}
footer{max-width:52rem;margin:2rem auto;padding:0 1rem;color:var(--muted);font-size:.85rem}
h1{font-size:1.6rem;line-height:1.25;margin:.6rem 0 .8rem}
h2{font-size:1.2rem;margin:1.4rem 0 .6rem}
h3{font-size:1.05rem;margin:1rem 0 .4rem}
p.lead{font-size:1.08rem;color:var(--muted);margin-top:0}
.card{background:var(--card);border:1px solid var(--line);border-radius:var(--radius);padding:1rem 1.1rem;margin:0 0 1rem}
.card>h2:first-child,.card>p:first-child{margin-top:.2rem}
label{display:block;font-weight:600;margin:.8rem 0 .25rem}
.hint{display:block;font-weight:400;color:var(--muted);font-size:.9rem}
input[type=text],input[type=email],input[type=password],input[type=url],input[type=search],input[type=number],input[type=time],input[type=date],select,textarea{
width:100%;font:inherit;color:var(--fg);background:var(--bg);border:1px solid var(--line);border-radius:8px;padding:.6rem .7rem;min-height:2.75rem}
textarea{min-height:9rem;resize:vertical}
fieldset{border:1px solid var(--line);border-radius:8px;padding:.4rem .9rem .8rem;margin:.8rem 0}
details{margin:.8rem 0}
summary{cursor:pointer;padding:.3rem 0}
legend{font-weight:600;padding:0 .3rem}
.choices{display:flex;flex-wrap:wrap;gap:.3rem 1rem}
.choices label{font-weight:400;display:flex;align-items:center;gap:.4rem;margin:.2rem 0}
.check{display:flex;gap:.5rem;align-items:flex-start;font-weight:400}
.check input{margin-top:.35rem}
button,.button{display:inline-block;font:inherit;font-weight:600;border:0;border-radius:8px;padding:.65rem 1.1rem;min-height:2.75rem;cursor:pointer;
background:var(--accent);color:var(--accent-fg);text-decoration:none}
button.secondary,.button.secondary{background:transparent;color:var(--accent);border:1px solid var(--accent)}
button.danger{background:#b3261e;color:#fff}
button.link{background:none;border:0;padding:.2rem 0;min-height:0;color:var(--accent);font-weight:400;text-decoration:underline}
.actions{display:flex;flex-wrap:wrap;gap:.6rem;align-items:center;margin-top:1rem}
.actions form{margin:0;display:flex}
a.button{display:inline-flex;align-items:center;box-sizing:border-box}
.error{color:var(--bad);font-weight:600;font-size:.92rem;margin:.25rem 0}
.alert{border-radius:8px;padding:.7rem .9rem;margin:0 0 1rem;border:1px solid}
.alert.bad{background:var(--bad-bg);color:var(--bad);border-color:var(--bad)}
.alert.ok{background:var(--ok-bg);color:var(--ok);border-color:var(--ok)}
.alert.info{background:var(--info-bg);color:var(--info);border-color:var(--info)}
.badge{display:inline-block;border-radius:999px;padding:.1rem .65rem;font-size:.85rem;font-weight:700;white-space:nowrap}
.badge.final_positive{background:var(--ok-bg);color:var(--ok)}
.badge.final_negative{background:var(--bad-bg);color:var(--bad)}
.badge.in_progress{background:var(--info-bg);color:var(--info)}
.badge.uncertain{background:var(--warn-bg);color:var(--warn)}
.answer .headline{font-size:1.3rem;font-weight:700;margin:.5rem 0}
.meter{display:block;width:100%;max-width:14rem;height:8px;border:0;border-radius:4px;background:var(--line);accent-color:var(--accent);-webkit-appearance:none;appearance:none}
.meter::-webkit-progress-bar{background:var(--line);border-radius:4px}.meter::-webkit-progress-value{background:var(--accent);border-radius:4px}.meter::-moz-progress-bar{background:var(--accent);border-radius:4px}
dl.facts{display:grid;grid-template-columns:fit-content(45%) minmax(0,1fr);gap:.2rem 1rem;margin:.5rem 0}
dl.facts dt{color:var(--muted)}dl.facts dd{margin:0;overflow-wrap:anywhere}
blockquote.ceac-text{margin:.5rem 0;padding:.25rem 0 .25rem .75rem;border-left:3px solid var(--muted);overflow-wrap:anywhere}
ul.clean{padding-left:1.2rem}ul.clean li{margin:.25rem 0}
.cases{list-style:none;padding:0;margin:0}
.cases li{display:block}
.cases a.case{display:grid;grid-template-columns:1fr auto;gap:.2rem .8rem;text-decoration:none;color:inherit;background:var(--card);border:1px solid var(--line);border-radius:var(--radius);padding:.8rem 1rem;margin:0 0 .6rem}
.cases a.case:hover{border-color:var(--accent)}
.muted{color:var(--muted)}.small{font-size:.88rem}
.timeline{list-style:none;margin:0;padding:0 0 0 1.2rem;border-left:2px solid var(--line)}
.timeline li{position:relative;margin:0 0 1rem;padding-left:.6rem}
.timeline li::before{content:"";position:absolute;left:-1.62rem;top:.35rem;width:.8rem;height:.8rem;border-radius:50%;background:var(--card);border:2px solid var(--accent)}
.timeline li.failed::before{border-color:var(--bad);border-style:dashed}
.timeline li.status::before{background:var(--accent)}
.timeline time{display:block;color:var(--muted);font-size:.85rem}
table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid var(--line)}
.scroll{overflow-x:auto}
.captcha img{display:block;max-width:100%;height:auto;border:1px solid var(--line);border-radius:6px;background:#fff;margin:.5rem 0}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.92em}
.token{word-break:break-all;background:var(--bg);border:1px dashed var(--line);padding:.5rem;border-radius:6px}
svg{max-width:100%;height:auto}
@media (min-width:40rem){h1{font-size:2rem}.grid2{display:grid;grid-template-columns:1fr 1fr;gap:0 1rem}}
.sw-grid{display:grid;grid-template-columns:1fr;gap:0 1rem}
.sw-field label{margin-top:.6rem}
@media (min-width:34rem){.sw-grid{grid-template-columns:1fr 1fr}}
@media (min-width:52rem){.sw-filters .sw-grid{grid-template-columns:1fr 1fr 1fr}}
.sw-chart{margin:.5rem 0 1rem}
.sw-chart svg{display:block;width:100%;max-width:40rem;height:auto;color:var(--muted)}
.sw-chart svg text{fill:var(--fg)}
.sw-chart .curve{stroke:var(--accent)}.sw-chart .band{fill:var(--accent)}
.sw-chart .curve.refused{stroke:var(--bad)}.sw-chart .band.refused{fill:var(--bad)}.sw-chart text.refused{fill:var(--bad)}
.sw-chart text.issued{fill:var(--accent)}
.sw-chart .censored{stroke:var(--fg)}
.sw-chart .median line{stroke:var(--fg)}
.sw-chart .marker line{stroke:var(--warn)}.sw-chart .marker text{fill:var(--warn);font-weight:700}
.sw-chart .day-bar{fill:var(--accent)}.sw-chart .wave-tick{fill:var(--warn)}.rc-wave{color:var(--warn);font-weight:600}
.sw-scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
.sw-table caption{text-align:left;font-weight:600;padding:.3rem 0;white-space:normal}
.sw-scroll:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.sw-chart .marker text{stroke:var(--card)}
.sw-table td,.sw-table th{white-space:nowrap}
.sw-warnings{background:var(--warn-bg);color:var(--warn);border-radius:8px;padding:.6rem .9rem .6rem 1.8rem;margin:.8rem 0}
.sw-warnings li{margin:.2rem 0}
.tl-events ol{list-style:none;margin:0;padding:0}
.tl-events li{border-bottom:1px solid var(--line);padding:.3rem 0 .6rem}
.tl-row{display:grid;grid-template-columns:1fr;gap:0 .8rem}
@media (min-width:34rem){.tl-row{grid-template-columns:1fr 1.4fr}}
.tl-read{margin:.3rem 0 0;color:var(--muted)}
.tl-conf{font-weight:700;border-radius:999px;padding:0 .5rem}
.tl-conf.hi{background:var(--ok-bg);color:var(--ok)}.tl-conf.mid{background:var(--info-bg);color:var(--info)}.tl-conf.lo{background:var(--warn-bg);color:var(--warn)}
@media (max-width:39.99rem){header.top .in{gap:.3rem .8rem}header.top form.signout{order:1}nav.main{order:2;flex:1 0 100%;flex-wrap:nowrap;gap:.75rem;font-size:.88rem}
.wide{display:none}.narrow{display:inline}.sw-table td,.sw-table th{white-space:normal}.sw-chart svg text{font-size:17px}}
.howlong{font-size:1.05rem;margin:.6rem 0 .2rem}
.js-only[hidden]{display:none}
.tl-unsure{background:var(--warn-bg);border-radius:8px;padding-left:.5rem;padding-right:.5rem}
`;

const JS = `
(function(){
  // What only holds with this script running (e.g. "this page updates by itself") is hidden until now.
  var js=document.querySelectorAll('.js-only[hidden]');
  for(var i=0;i<js.length;i++)js[i].hidden=false;
  // The answer (or the first mistake in a form) gets the focus, so that it is read out and in view.
  var f=document.querySelector('[data-focus]');
  if(f&&document.activeElement!==f)f.focus();
  // The 228 posts are one cached file, not part of every page: fill the pickers' suggestion lists from it.
  var lists=document.querySelectorAll('datalist[data-locations]');
  if(lists.length&&window.fetch){fetch(lists[0].getAttribute('data-locations')).then(function(r){return r.json();}).then(function(all){
    for(var k=0;k<lists.length;k++){var frag=document.createDocumentFragment();
      for(var n=0;n<all.length;n++){var o=document.createElement('option');o.value=all[n][0];o.textContent=all[n][1];frag.appendChild(o);}
      lists[k].appendChild(frag);}}).catch(function(){});}
  // A time zone left to us defaults to the browser's.
  var tz=document.querySelector('select[data-browser-tz]');
  if(tz&&window.Intl){try{var z=Intl.DateTimeFormat().resolvedOptions().timeZone;
    for(var j=0;j<tz.options.length;j++)if(tz.options[j].value===z){tz.value=z;
      // The note under the picker says where the zone came from: now the browser.
      var notes=document.querySelectorAll('[data-tz-note]');
      for(var m=0;m<notes.length;m++)notes[m].hidden=notes[m].getAttribute('data-tz-note')!=='browser';
      break;}}catch(e){}}
  // Live updates on the case page: the server says "changed", we fetch the page and swap the live region.
  var live=document.querySelector('[data-live-src]');
  if(live&&window.EventSource&&window.fetch){
    var src=new EventSource(live.getAttribute('data-live-src'));
    var busy=false;
    src.addEventListener('changed',function(){
      if(busy)return;busy=true;
      fetch(location.pathname,{headers:{'Accept':'text/html'},credentials:'same-origin'}).then(function(r){return r.text();}).then(function(html){
        var doc=new DOMParser().parseFromString(html,'text/html');
        var fresh=doc.getElementById(live.id);
        if(fresh){live.innerHTML=fresh.innerHTML;}
        var note=document.getElementById('live-note');
        if(note){note.textContent='Updated '+new Date().toLocaleTimeString()+'.';}
      }).catch(function(){}).then(function(){busy=false;});
    });
  }
})();
`;

function hashed(body: string, ext: string) {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
  return { path: `/static/app.${hash}.${ext}`, body };
}

export const STYLESHEET = hashed(CSS.trim(), 'css');

/** A calm blue check mark in a circle. */
export const ICON = hashed(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="15" fill="#1f5fbf"/><path d="M9 16.5l4.5 4.5L23 11.5" fill="none" stroke="#fff" stroke-width="3.2" stroke-linecap="round" stroke-linejoin="round"/></svg>',
  'svg',
);
export const SCRIPT = hashed(JS.trim(), 'js');
/** The consulate picker's suggestions ([code, name] pairs), fetched once by the script and cached for a year. */
export const LOCATION_LIST = hashed(JSON.stringify(LOCATIONS.map((l) => [l.code, l.displayName])), 'json');
