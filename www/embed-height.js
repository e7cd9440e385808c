// The explorer inside an iframe (embed.html) tells its host page its height whenever it changes:
//   { type: 'technopolis-explorer:height', height: <CSS pixels> }
// The height of the page's content, which may be less than the frame's (a shorter chart): the
// root element's box, not its scrollHeight, which is never less than the frame. The body is
// observed: WebKit reports no change of the root element's size in a frame of fixed height. A
// classic script, not a module: WebKit gives a message posted from a module's callbacks the
// host's own window as its source, where the host looks for its frame.
const tellHeight = () => parent.postMessage({ type: 'technopolis-explorer:height', height: Math.ceil(document.documentElement.getBoundingClientRect().height) }, '*');
new ResizeObserver(tellHeight).observe(document.body);
