//! The few browser APIs the UI needs, each behind one small function: clock, ids, downloads,
//! reading a picked file, timing marks. Nothing here panics when an API is missing.

use chrono::{Local, NaiveDate, Utc};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::model::{Id, Timestamp};

pub fn now() -> Timestamp {
    Utc::now()
}

/// Today in the person's own time zone.
pub fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// Random bytes from the browser's cryptographic source (`None` without WebCrypto).
pub fn secure_random<const N: usize>() -> Option<[u8; N]> {
    let mut bytes = [0u8; N];
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok())
        .then_some(bytes)
}

/// A fresh random (v4) id from the browser's cryptographic random source.
pub fn new_id() -> Id {
    let bytes = secure_random::<16>().unwrap_or_else(|| {
        // No WebCrypto (very old browser): Math.random still gives ids unique in practice.
        std::array::from_fn(|_| (js_sys::Math::random() * 256.0) as u8)
    });
    uuid::Builder::from_random_bytes(bytes).into_uuid()
}

/// Hands `text` to the browser as a download named `file_name`.
pub fn download(file_name: &str, text: &str, mime: &str) -> Result<(), String> {
    let fail = |e: JsValue| format!("the browser refused the download ({e:?})");
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| "could not create a link".to_string())?;
    a.set_href(&url);
    a.set_download(file_name);
    a.style().set_property("display", "none").ok();
    if let Some(body) = document.body() {
        body.append_child(&a).ok();
        a.click();
        body.remove_child(&a).ok();
    } else {
        a.click();
    }
    // Let the download start before the URL is released.
    let url_later = url.clone();
    leptos::prelude::set_timeout(
        move || {
            web_sys::Url::revoke_object_url(&url_later).ok();
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}

/// Reads a picked or dropped file's bytes.
pub async fn read_file(file: web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("the file could not be read ({e:?})"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Records a timing mark (seen in the browser's performance tools and by the benchmark).
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        p.mark(name).ok();
    }
}

/// Records the time between two marks as a named measure.
pub fn measure(name: &str, start: &str, end: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        p.measure_with_start_mark_and_end_mark(name, start, end)
            .ok();
    }
}

/// The path prefix the app is served under ("" at a site's root, "/runway" in a sub-folder),
/// read from the `<base href>` trunk writes.
pub fn base_path() -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|u| u.pathname())
        .unwrap_or_default();
    base.trim_end_matches('/').to_string()
}

/// Registers the service worker (`sw.js` beside index.html) that lets Runway start offline.
/// `on_update` runs when a new version has taken over while this page is open.
pub fn register_service_worker(on_update: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let container = window.navigator().service_worker();
    // A new controller replacing an earlier one means a new version. The first one (on the
    // very first visit, when the worker takes charge of the page) is not an update.
    let controlled = std::cell::Cell::new(container.controller().is_some());
    let callback = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        if controlled.replace(true) {
            on_update();
        }
    });
    container
        .add_event_listener_with_callback("controllerchange", callback.as_ref().unchecked_ref())
        .ok();
    callback.forget(); // lives as long as the page
    let promise = container.register("sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = JsFuture::from(promise).await {
            web_sys::console::warn_1(&JsValue::from_str(&format!(
                "Runway could not install its offline support: {e:?}"
            )));
        }
    });
}

/// Whether the browser keeps this site's storage even under pressure (`None`: unknown).
pub async fn storage_persisted() -> Option<bool> {
    let storage = web_sys::window()?.navigator().storage();
    JsFuture::from(storage.persisted().ok()?)
        .await
        .ok()?
        .as_bool()
}

/// Asks the browser to keep this site's storage; returns whether it agreed.
pub async fn request_persistent_storage() -> Option<bool> {
    let storage = web_sys::window()?.navigator().storage();
    JsFuture::from(storage.persist().ok()?)
        .await
        .ok()?
        .as_bool()
}

/// Bytes used and available for this site, as the browser estimates them.
pub async fn storage_estimate() -> Option<(f64, f64)> {
    let storage = web_sys::window()?.navigator().storage();
    let estimate: web_sys::StorageEstimate = JsFuture::from(storage.estimate().ok()?)
        .await
        .ok()?
        .unchecked_into();
    Some((estimate.get_usage()?, estimate.get_quota()?))
}

/// The in-app path of the page shown now (without the folder the app is served from).
pub fn app_path() -> String {
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    let base = base_path();
    path.strip_prefix(base.as_str())
        .filter(|p| p.starts_with('/'))
        .map_or(path.clone(), str::to_string)
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// One value kept in the browser beside the workspace (never in it).
pub fn local_get(key: &str) -> Option<String> {
    local_storage().and_then(|s| s.get_item(key).ok().flatten())
}

/// Keeps one value beside the workspace; a full or missing storage is not an error here.
pub fn local_set(key: &str, value: &str) {
    if let Some(s) = local_storage() {
        s.set_item(key, value).ok();
    }
}

pub fn local_remove(key: &str) {
    if let Some(s) = local_storage() {
        s.remove_item(key).ok();
    }
}

/// The files picked in the file input an event came from, with the input cleared so the same
/// file can be picked again.
pub fn take_picked(ev: &web_sys::Event) -> Vec<web_sys::File> {
    use wasm_bindgen::JsCast;
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let files = picked_files(&input);
    input.set_value("");
    files
}

/// The files picked in a file input (all of them, for `multiple`).
pub fn picked_files(input: &web_sys::HtmlInputElement) -> Vec<web_sys::File> {
    let Some(list) = input.files() else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}
