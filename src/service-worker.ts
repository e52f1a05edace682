/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
/**
 * Keeps the app and the example notebooks in the browser's cache after the first visit, so they
 * open with the network off. Only this site's own files are cached; nothing else is fetched.
 */
import { build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `flowbook-${version}`;
/** The page that draws any route in the browser (adapter-static's fallback). */
const SHELL = '/200.html';
const ASSETS = [...build, ...files, ...prerendered];

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(CACHE);
			await cache.addAll(ASSETS);
			// The shell is only there when the site is served from adapter-static's output.
			await cache.add(SHELL).catch(() => undefined);
			await sw.skipWaiting();
		})()
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	const url = new URL(request.url);
	if (request.method !== 'GET' || url.origin !== sw.location.origin) return;
	event.respondWith(
		(async () => {
			const cache = await caches.open(CACHE);
			// Built files never change under one version: the cache answers first.
			if (ASSETS.includes(url.pathname)) {
				const cached = await cache.match(url.pathname);
				if (cached) return cached;
			}
			try {
				const response = await fetch(request);
				if (response.ok && response.type === 'basic' && ASSETS.includes(url.pathname))
					await cache.put(url.pathname, response.clone());
				return response;
			} catch (error) {
				const cached =
					(await cache.match(request)) ??
					(request.mode === 'navigate' ? await cache.match(SHELL) : undefined);
				if (cached) return cached;
				throw error;
			}
		})()
	);
});
