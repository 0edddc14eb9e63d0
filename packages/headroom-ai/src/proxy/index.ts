export { createProxyApp, type ProxyOptions, type ProxyStats } from './create-proxy-app.js';
export { startProxy, type RunningProxy, type StartProxyOptions } from './start-proxy.js';
export { defaultUpstreams, type Upstreams } from './upstream.js';
